import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpSession } from "../testing/http-session.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";
import {
  createPortfolioWithInitiative,
  type PortfolioWorld,
  startPortfolioWorld,
} from "./portfolio-fixture.ts";

type Outcome = "allowed" | "forbidden" | "not_found";

/** One Jira function: the request, its success status, and how to undo it as the owner. */
interface JiraAction {
  name: string;
  managers: boolean;
  contributors: boolean;
  run(session: HttpSession): Promise<{ statusCode: number; body: string }>;
  success: number;
  restore?(): Promise<void>;
}

describe.each(TEST_ENGINES)("who may use a portfolio's Jira functions, on %s", (engine) => {
  let world: PortfolioWorld;
  let portfolioId: string;
  let initiativeId: string;
  const people: Record<string, HttpSession> = {};

  beforeAll(async () => {
    world = await startPortfolioWorld(engine);
    ({ portfolioId, initiativeId } = await createPortfolioWithInitiative(world, world.ada.session, "Matrix"));
    const owner = world.ada.session;
    expect(
      (
        await owner.put(
          `/api/v1/portfolios/${portfolioId}/jira`,
          world.jiraBody({ projectKeys: ["AE", "ATL"] }),
        )
      ).statusCode,
    ).toBe(200);
    expect(
      (await owner.post(`/api/v1/initiatives/${initiativeId}/epics`, { key: "AE-786" })).statusCode,
    ).toBe(201);
    const staff = async (
      label: string,
      join: () => Promise<{ session: HttpSession; id: string }>,
      role?: string,
    ) => {
      const person = await join();
      if (role) {
        const added = await owner.put(`/api/v1/portfolios/${portfolioId}/members/${person.id}`, { role });
        expect(added.statusCode).toBe(200);
      }
      people[label] = person.session;
    };
    await staff("manager", () => world.joinAcme("Mia Manager"), "manager");
    await staff("contributor", () => world.joinAcme("Cole Contributor"), "contributor");
    await staff("viewer", () => world.joinAcme("Vic Viewer"), "viewer");
    await staff("external manager", () => world.joinPartner("Xena Manager"), "manager");
    await staff("external contributor", () => world.joinPartner("Xavi Contributor"), "contributor");
    await staff("external viewer", () => world.joinPartner("Xiu Viewer"), "viewer");
    await staff("company member without a role", () => world.joinAcme("Nora Nobody"));
    people["another organisation"] = world.pia.session;
  });
  afterAll(() => world?.close());

  const base = () => `/api/v1/portfolios/${portfolioId}/jira`;
  const owner = () => world.ada.session;
  const ACTIONS: JiraAction[] = [
    {
      name: "check credentials",
      managers: true,
      contributors: false,
      success: 200,
      run: (s) => s.post(`${base()}/check`, world.jiraBody()),
    },
    {
      name: "configure / edit",
      managers: true,
      contributors: false,
      success: 200,
      run: (s) => s.put(base(), world.jiraBody({ apiToken: undefined })),
    },
    {
      name: "search projects to link",
      managers: true,
      contributors: false,
      success: 200,
      run: (s) => s.get(`${base()}/available-projects?query=B`),
    },
    {
      name: "link projects",
      managers: true,
      contributors: false,
      success: 200,
      run: (s) => s.post(`${base()}/projects`, { keys: ["BEA"] }),
      async restore() {
        expect((await owner().delete(`${base()}/projects/BEA`)).statusCode).toBe(204);
      },
    },
    {
      name: "preview a project unlink",
      managers: true,
      contributors: false,
      success: 200,
      run: (s) => s.get(`${base()}/projects/AE/unlink-preview`),
    },
    {
      name: "unlink a project",
      managers: true,
      contributors: false,
      success: 204,
      run: (s) => s.delete(`${base()}/projects/ATL`),
      async restore() {
        expect((await owner().post(`${base()}/projects`, { keys: ["ATL"] })).statusCode).toBe(200);
      },
    },
    {
      name: "preview deleting the configuration",
      managers: true,
      contributors: false,
      success: 200,
      run: (s) => s.get(`${base()}/delete-preview`),
    },
    {
      name: "delete the configuration",
      managers: true,
      contributors: false,
      success: 204,
      run: (s) => s.delete(base()),
      async restore() {
        expect((await owner().put(base(), world.jiraBody({ projectKeys: ["AE", "ATL"] }))).statusCode).toBe(
          200,
        );
        expect(
          (await owner().post(`/api/v1/initiatives/${initiativeId}/epics`, { key: "AE-786" })).statusCode,
        ).toBe(201);
      },
    },
    {
      name: "search epics to link",
      managers: true,
      contributors: true,
      success: 200,
      run: (s) => s.get(`${base()}/epics?query=Email`),
    },
    {
      name: "link an epic",
      managers: true,
      contributors: true,
      success: 201,
      run: (s) => s.post(`/api/v1/initiatives/${initiativeId}/epics`, { key: "ATL-101" }),
      async restore() {
        expect((await owner().delete(`/api/v1/initiatives/${initiativeId}/epics/ATL-101`)).statusCode).toBe(
          204,
        );
      },
    },
    {
      name: "unlink an epic",
      managers: true,
      contributors: true,
      success: 204,
      run: (s) => s.delete(`/api/v1/initiatives/${initiativeId}/epics/AE-786`),
      async restore() {
        expect(
          (await owner().post(`/api/v1/initiatives/${initiativeId}/epics`, { key: "AE-786" })).statusCode,
        ).toBe(201);
      },
    },
    {
      name: "refresh progress",
      managers: true,
      contributors: true,
      success: 200,
      run: (s) => s.post(`${base()}/refresh`),
    },
  ];

  const PEOPLE = [
    "manager",
    "contributor",
    "viewer",
    "external manager",
    "external contributor",
    "external viewer",
    "company member without a role",
    "another organisation",
  ] as const;

  function expected(person: (typeof PEOPLE)[number], action: JiraAction): Outcome {
    if (person === "company member without a role" || person === "another organisation") return "not_found";
    if (person === "manager") return action.managers ? "allowed" : "forbidden";
    if (person === "contributor") return action.contributors ? "allowed" : "forbidden";
    return "forbidden";
  }

  const CASES = PEOPLE.flatMap((person) => ACTIONS.map((action) => [person, action.name] as const));

  it.each(CASES)("%s → %s", async (person, actionName) => {
    const action = ACTIONS.find((a) => a.name === actionName);
    const session = people[person];
    if (!action || !session) throw new Error(`unknown case ${person} / ${actionName}`);
    const outcome = expected(person, action);
    const response = await action.run(session);
    const status = { allowed: action.success, forbidden: 403, not_found: 404 }[outcome];
    expect(response.statusCode, response.body).toBe(status);
    if (outcome === "forbidden" && person.startsWith("external"))
      expect(response.body).toMatch(/External members/);
    if (outcome === "allowed") await action.restore?.();
  });

  it.each(PEOPLE.slice(0, 6))(
    "%s sees the integration, linked projects and epic progress",
    async (person) => {
      const session = people[person];
      if (!session) throw new Error(person);
      expect((await session.get(base())).statusCode).toBe(200);
      expect((await session.get(`${base()}/projects`)).json().items.length).toBe(2);
      const epics = (await session.get(`/api/v1/initiatives/${initiativeId}/epics`)).json().items;
      expect(epics).toEqual([
        expect.objectContaining({ key: "AE-786", progress: expect.objectContaining({}) }),
      ]);
      expect(
        (await session.get(`/api/v1/portfolios/${portfolioId}/initiatives`)).json().items[0].progress.byCount,
      ).toMatchObject({
        done: 3,
        total: 10,
      });
    },
  );

  it("hides everything from people outside the portfolio", async () => {
    for (const person of ["company member without a role", "another organisation"] as const) {
      const session = people[person];
      if (!session) throw new Error(person);
      expect((await session.get(base())).statusCode).toBe(404);
      expect((await session.get(`${base()}/projects`)).statusCode).toBe(404);
      expect((await session.get(`/api/v1/initiatives/${initiativeId}/epics`)).statusCode).toBe(404);
    }
  });
});
