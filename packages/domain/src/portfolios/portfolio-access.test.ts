import { describe, expect, it } from "vitest";
import {
  canPerformPortfolioAction,
  PORTFOLIO_ACTIONS,
  type PortfolioAction,
  type PortfolioDenial,
  type PortfolioRole,
  type PortfolioViewer,
  portfolioDenial,
} from "./portfolio-access.ts";

type Who = [label: string, viewer: PortfolioViewer];
const who = (role: PortfolioRole | null, sameCompany: boolean, orgAdmin = false): PortfolioViewer => ({
  role,
  sameCompany,
  orgAdmin,
});

const PEOPLE: Who[] = [
  ["manager", who("manager", true)],
  ["contributor", who("contributor", true)],
  ["viewer", who("viewer", true)],
  ["external manager", who("manager", false)],
  ["external contributor", who("contributor", false)],
  ["external viewer", who("viewer", false)],
  ["org admin without a role", who(null, true, true)],
  ["org member without a role", who(null, true)],
  ["stranger", who(null, false)],
];

/** The expected verdict per person, in PORTFOLIO_ACTIONS order. */
const EXPECTED: Record<string, (PortfolioDenial | null)[]> = {
  //                          read     edit      members   initiat.  configure   projects    epics       refresh
  manager: [null, null, null, null, null, null, null, null],
  contributor: [null, "role", "role", null, "role", "role", null, null],
  viewer: [null, "role", "role", "role", "role", "role", "role", "role"],
  "external manager": [null, null, null, null, "external", "external", "external", "external"],
  "external contributor": [null, "role", "role", null, "external", "external", "external", "external"],
  "external viewer": [null, "role", "role", "role", "external", "external", "external", "external"],
  "org admin without a role": [
    null,
    null,
    null,
    "not_member",
    "not_member",
    "not_member",
    "not_member",
    "not_member",
  ],
  "org member without a role": Array(8).fill("not_member"),
  stranger: Array(8).fill("not_member"),
};

function verdict(label: string, index: number): PortfolioDenial | null {
  const verdicts = EXPECTED[label];
  if (!verdicts || index >= verdicts.length) throw new Error(`no expected verdict for ${label} #${index}`);
  return verdicts[index] ?? null;
}

const TABLE: [string, PortfolioViewer, PortfolioAction, PortfolioDenial | null][] = PEOPLE.flatMap(
  ([label, viewer]) =>
    PORTFOLIO_ACTIONS.map(
      (action, index): [string, PortfolioViewer, PortfolioAction, PortfolioDenial | null] => [
        label,
        viewer,
        action,
        verdict(label, index),
      ],
    ),
);

describe("portfolio permissions: every role, same company and external, every action", () => {
  it("covers every person and action", () => {
    expect(TABLE).toHaveLength(PEOPLE.length * PORTFOLIO_ACTIONS.length);
    for (const verdicts of Object.values(EXPECTED)) expect(verdicts).toHaveLength(PORTFOLIO_ACTIONS.length);
  });

  it.each(TABLE)("%s → %s: %s", (_label, viewer, action, expected) => {
    expect(portfolioDenial(viewer, action)).toBe(expected);
    expect(canPerformPortfolioAction(viewer, action)).toBe(expected === null);
  });

  it("never lets anyone outside the company use a Jira function, whatever their role", () => {
    for (const role of ["manager", "contributor", "viewer"] as const) {
      for (const action of PORTFOLIO_ACTIONS.filter((a) => a.startsWith("jira."))) {
        expect(canPerformPortfolioAction(who(role, false, true), action)).toBe(false);
      }
    }
  });
});
