import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { AlignmentNode } from "../api/use-alignment";
import { appRoutes } from "../router";
import { mockApi } from "../testing/api-server";
import { buildMe, buildMember, buildPeriod, page } from "../testing/builders";
import { renderRoute } from "../testing/render-route";

const node = (id: string, overrides: Partial<AlignmentNode>): AlignmentNode => ({
  id,
  title: id,
  ownerId: null,
  parentId: null,
  weight: 1,
  depth: 0,
  progress: null,
  expected: 50,
  status: "not_started",
  childIds: [],
  ...overrides,
});

describe("AlignmentPage", () => {
  it("shows the period's objectives as a tree, each with its rolled-up progress and status", async () => {
    mockApi({
      "GET /api/v1/me": { status: 200, body: buildMe() },
      "GET /api/v1/orgs/o1/members": { status: 200, body: page([buildMember()]) },
      "GET /api/v1/orgs/o1/periods": {
        status: 200,
        body: page([
          buildPeriod({ name: "Q4 2026", start: "2026-10-01T00:00:00Z", end: "2027-01-01T00:00:00Z" }),
        ]),
      },
      "GET /api/v1/orgs/o1/periods/p1/alignment": {
        status: 200,
        body: {
          items: [
            node("Grow revenue", { progress: 50, status: "behind", childIds: ["Launch EU"], ownerId: "u1" }),
            node("Launch EU", {
              parentId: "Grow revenue",
              depth: 1,
              weight: 3,
              progress: 50,
              status: "behind",
            }),
          ],
        },
      },
    });
    renderRoute(appRoutes, "/o/o1/goals/alignment?period=p1");
    const tree = await screen.findByRole("tree", { name: "Alignment of Q4 2026" });
    const items = await screen.findAllByRole("treeitem");
    expect(tree.getAttribute("aria-label")).toBe("Alignment of Q4 2026");
    expect(items.map((item) => [item.getAttribute("aria-label"), item.getAttribute("aria-level")])).toEqual([
      ["Grow revenue", "1"],
      ["Launch EU", "2"],
    ]);
    expect(
      screen.getByRole("progressbar", { name: "Grow revenue progress" }).getAttribute("aria-valuetext"),
    ).toBe("50%, Behind");
    expect(screen.getByText(/^weight 3/).textContent).toBe("weight 3 in its parent");
    expect(screen.getByRole("link", { name: "Launch EU" }).getAttribute("href")).toBe(
      "/o/o1/goals/objectives/Launch%20EU",
    );
  });
});
