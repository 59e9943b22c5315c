import { createJiraClient } from "@goalpost/jira";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { engineDeploymentPairs, TEST_DEPLOYMENTS } from "../testing/jira-deployments.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";
import {
  ADMIN_JIRA,
  createPortfolioWithInitiative,
  type Person,
  type PortfolioWorld,
  startPortfolioWorld,
} from "./portfolio-fixture.ts";
import { EPIC_PAGE_SIZE } from "./search-epics.ts";

describe.each(TEST_ENGINES)("portfolios, members and initiatives on %s", (engine) => {
  let world: PortfolioWorld;
  let bob: Person;
  let eve: Person;
  let portfolioId: string;

  beforeAll(async () => {
    world = await startPortfolioWorld(engine);
    bob = await world.joinAcme("Bob");
    eve = await world.joinPartner("Eve");
  });
  afterAll(() => world?.close());

  it("creates a portfolio whose creator is its Portfolio Manager, and lists it to its members only", async () => {
    const { ada } = world;
    const created = await ada.session.post(`/api/v1/orgs/${world.acmeId}/portfolios`, {
      name: "Growth",
      description: "Everything that grows revenue",
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: "Growth",
      myRole: "manager",
      external: false,
      jiraConfigured: false,
      permissions: { "jira.configure": { allowed: true, reason: null } },
    });
    portfolioId = created.json().id;
    expect((await ada.session.get(`/api/v1/orgs/${world.acmeId}/portfolios`)).json().items).toHaveLength(1);
    expect((await bob.session.get(`/api/v1/orgs/${world.acmeId}/portfolios`)).json().items).toHaveLength(0);
    expect((await bob.session.get(`/api/v1/portfolios/${portfolioId}`)).statusCode).toBe(404);
    expect((await eve.session.get(`/api/v1/orgs/${world.acmeId}/portfolios`)).statusCode).toBe(404);
  });

  it("adds a member by the e-mail of their account; only member managers learn whether it exists", async () => {
    const { ada } = world;
    const carl = await world.joinPartner("Carl");
    const added = await ada.session.post(`/api/v1/portfolios/${portfolioId}/members`, {
      email: "CARL@people.test",
      role: "viewer",
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json()).toMatchObject({ userId: carl.id, role: "viewer", external: true });
    const unknown = await ada.session.post(`/api/v1/portfolios/${portfolioId}/members`, {
      email: "nobody@people.test",
      role: "viewer",
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toMatch(/sign up/);
    // A viewer may not add anyone, and so never learns whether an address has an account.
    const asViewer = await carl.session.post(`/api/v1/portfolios/${portfolioId}/members`, {
      email: "nobody@people.test",
      role: "viewer",
    });
    expect(asViewer.statusCode).toBe(403);
    expect(
      (
        await ada.session.post(`/api/v1/portfolios/${portfolioId}/members`, {
          email: "not-an-email",
          role: "viewer",
        })
      ).statusCode,
    ).toBe(400);
    await ada.session.delete(`/api/v1/portfolios/${portfolioId}/members/${carl.id}`);
  });

  it("adds members of the company and external members, and answers other organisations with 404", async () => {
    const { ada } = world;
    const addBob = await ada.session.put(`/api/v1/portfolios/${portfolioId}/members/${bob.id}`, {
      role: "viewer",
    });
    expect(addBob.json()).toMatchObject({ role: "viewer", external: false, name: "Bob" });
    const addEve = await ada.session.put(`/api/v1/portfolios/${portfolioId}/members/${eve.id}`, {
      role: "contributor",
    });
    expect(addEve.json()).toMatchObject({ role: "contributor", external: true });
    const members = (await ada.session.get(`/api/v1/portfolios/${portfolioId}/members`)).json().items;
    expect(members.map((m: { name: string; role: string }) => `${m.name}:${m.role}`)).toEqual([
      "Ada:manager",
      "Bob:viewer",
      "Eve:contributor",
    ]);
    const asEve = (await eve.session.get(`/api/v1/portfolios/${portfolioId}`)).json();
    expect(asEve).toMatchObject({
      myRole: "contributor",
      external: true,
      permissions: {
        "initiatives.edit": { allowed: true },
        "jira.epics.link": { allowed: false, reason: expect.stringMatching(/External members/) },
      },
    });
    expect(
      (await bob.session.put(`/api/v1/portfolios/${portfolioId}/members/${eve.id}`, { role: "viewer" }))
        .statusCode,
    ).toBe(403);
    const shared = (await eve.session.get("/api/v1/me/portfolios")).json().items;
    expect(shared).toEqual([
      expect.objectContaining({ id: portfolioId, external: true, myRole: "contributor" }),
    ]);
    expect((await bob.session.get("/api/v1/me/portfolios")).json().items).toEqual([]);
    expect((await world.pia.session.get(`/api/v1/portfolios/${portfolioId}`)).statusCode).toBe(404);
    expect((await world.pia.session.get(`/api/v1/portfolios/${portfolioId}/members`)).statusCode).toBe(404);
    expect(
      (await ada.session.put(`/api/v1/portfolios/${portfolioId}/members/nobody`, { role: "viewer" }))
        .statusCode,
    ).toBe(404);
  });

  it("keeps at least one Portfolio Manager", async () => {
    const { ada } = world;
    const demote = await ada.session.put(`/api/v1/portfolios/${portfolioId}/members/${ada.id}`, {
      role: "viewer",
    });
    expect(demote.statusCode).toBe(409);
    expect((await ada.session.delete(`/api/v1/portfolios/${portfolioId}/members/${ada.id}`)).statusCode).toBe(
      409,
    );
    await ada.session.put(`/api/v1/portfolios/${portfolioId}/members/${bob.id}`, { role: "manager" });
    expect(
      (await ada.session.put(`/api/v1/portfolios/${portfolioId}/members/${bob.id}`, { role: "viewer" }))
        .statusCode,
    ).toBe(200);
  });

  it("manages initiatives: title, description, owner, status and dates, validated", async () => {
    const { ada } = world;
    const created = await ada.session.post(`/api/v1/portfolios/${portfolioId}/initiatives`, {
      title: "Email campaigns",
      description: "Ship the campaign builder",
      ownerId: ada.id,
      status: "in_progress",
      startDate: "2026-10-01",
      dueDate: "2026-12-31",
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      owner: { id: ada.id, name: "Ada" },
      status: "in_progress",
      startDate: "2026-10-01",
      dueDate: "2026-12-31",
      epicCount: 0,
      progress: { byCount: { done: 0, total: 0, progress: null }, byStoryPoints: null },
    });
    const id = created.json().id;
    const badDates = await ada.session.patch(`/api/v1/initiatives/${id}`, { dueDate: "2026-09-01" });
    expect(badDates.statusCode).toBe(400);
    expect(badDates.json().error.details.fields).toHaveProperty("dueDate");
    const badOwner = await ada.session.patch(`/api/v1/initiatives/${id}`, { ownerId: world.pia.id });
    expect(badOwner.statusCode).toBe(400);
    const edited = await eve.session.patch(`/api/v1/initiatives/${id}`, {
      status: "on_hold",
      title: "Campaigns",
    });
    expect(edited.json()).toMatchObject({
      status: "on_hold",
      title: "Campaigns",
      description: "Ship the campaign builder",
    });
    expect((await bob.session.patch(`/api/v1/initiatives/${id}`, { title: "Nope" })).statusCode).toBe(403);
    expect((await bob.session.get(`/api/v1/initiatives/${id}`)).statusCode).toBe(200);
    expect((await world.pia.session.get(`/api/v1/initiatives/${id}`)).statusCode).toBe(404);
    const list = await bob.session.get(`/api/v1/portfolios/${portfolioId}/initiatives?limit=1`);
    expect(list.json().items).toHaveLength(1);
    expect(
      (await ada.session.post(`/api/v1/portfolios/${portfolioId}/initiatives`, { title: " " })).statusCode,
    ).toBe(400);
  });

  it("deletes a portfolio with everything in it (managers only)", async () => {
    const { portfolioId: doomed } = await createPortfolioWithInitiative(world, world.ada.session, "Doomed");
    await world.ada.session.put(`/api/v1/portfolios/${doomed}/jira`, world.jiraBody({ projectKeys: ["AE"] }));
    expect((await eve.session.delete(`/api/v1/portfolios/${doomed}`)).statusCode).toBe(404);
    expect((await world.ada.session.delete(`/api/v1/portfolios/${doomed}`)).statusCode).toBe(204);
    expect((await world.ada.session.get(`/api/v1/portfolios/${doomed}`)).statusCode).toBe(404);
    const rows = await world.goalpost.database.db.execute(
      sql`select count(*)::int as n from portfolio_jira_projects where portfolio_id = ${doomed}`,
    );
    expect(JSON.stringify(rows)).toContain('"n":0');
  });
});

describe.each(engineDeploymentPairs(TEST_ENGINES))(
  "a portfolio's Jira integration on %s, %s",
  (engine, _, dep) => {
    let world: PortfolioWorld;
    let portfolioId: string;
    let initiativeId: string;

    beforeAll(async () => {
      world = await startPortfolioWorld(engine, dep);
      ({ portfolioId, initiativeId } = await createPortfolioWithInitiative(
        world,
        world.ada.session,
        "Growth",
      ));
    });
    afterEach(() => world.jira.admin.clearFaults());
    afterAll(() => world?.close());

    it("checks the credentials against Jira before anything is saved, with Jira's error", async () => {
      const { ada } = world;
      const url = `/api/v1/portfolios/${portfolioId}/jira`;
      expect((await ada.session.get(url)).statusCode).toBe(404);
      const bad = await ada.session.post(`${url}/check`, world.jiraBody(dep.secretPatch("wrong-token")));
      expect(bad.statusCode).toBe(422);
      expect(bad.json().error.details.jira.length).toBeGreaterThan(0);
      expect(bad.body).not.toContain("wrong-token");
      const checked = await ada.session.post(`${url}/check`, world.jiraBody());
      expect(checked.statusCode).toBe(200);
      expect(checked.json().projects.map((p: { key: string }) => p.key)).toEqual([
        "AE",
        "ATL",
        "BEA",
        "COM",
        "DEL",
        "EMB",
        "FAL",
      ]);
      expect((await ada.session.get(url)).statusCode).toBe(404);
      const noToken = await ada.session.put(url, world.jiraBody({ [dep.secretField]: undefined }));
      expect(noToken.statusCode).toBe(400);
      expect(noToken.json().error.details.fields).toHaveProperty(dep.secretField);
      // The other kind of Jira's credentials are refused before any secret is sent, naming what the site is.
      const other = TEST_DEPLOYMENTS.find((d) => d !== dep);
      if (!other) throw new Error("one deployment only");
      const wrongKind = await ada.session.post(
        `${url}/check`,
        other.connectionBody(world.jira, ADMIN_JIRA.email, ADMIN_JIRA.token),
      );
      expect(wrongKind.statusCode).toBe(400);
      expect(wrongKind.json().error.details).toMatchObject({
        fields: { deployment: expect.any(String) },
        detectedDeployment: dep.deployment,
      });
      // A body mixing the kinds names the field that does not belong.
      const mixed = await ada.session.post(`${url}/check`, world.jiraBody(other.secretPatch("x")));
      expect(mixed.statusCode).toBe(400);
      expect(mixed.json().error.details.fields).toHaveProperty(other.secretField);
      const blocked = await ada.session.post(
        `${url}/check`,
        world.jiraBody({ baseUrl: "http://169.254.169.254" }),
      );
      expect(blocked.statusCode).toBe(422);
      expect(blocked.json().error.code).toBe("jira_url_blocked");
    });

    it("saves the configuration with the picked projects; the card shows who, when and health, never the token", async () => {
      const { ada } = world;
      const saved = await ada.session.put(
        `/api/v1/portfolios/${portfolioId}/jira`,
        world.jiraBody({ projectKeys: ["AE", "atl"] }),
      );
      expect(saved.statusCode).toBe(200);
      expect(saved.json()).toMatchObject({
        baseUrl: world.jira.url,
        deployment: dep.deployment,
        email: dep.savedEmail(ADMIN_JIRA.email),
        configuredBy: { id: ada.id, name: "Ada" },
        health: "healthy",
        error: null,
        projectCount: 2,
        inaccessibleProjectKeys: [],
      });
      expect(saved.body).not.toContain(ADMIN_JIRA.token);
      const rows = await world.goalpost.database.db.execute(sql`select * from portfolio_jira_configs`);
      expect(JSON.stringify(rows)).not.toContain(ADMIN_JIRA.token);
      const projects = (await ada.session.get(`/api/v1/portfolios/${portfolioId}/jira/projects`)).json()
        .items;
      expect(projects).toEqual([
        expect.objectContaining({
          key: "AE",
          name: "Acme Engagement",
          url: `${world.jira.url}/browse/AE`,
          accessible: true,
        }),
        expect.objectContaining({ key: "ATL", avatarUrl: expect.stringContaining("avatar") }),
      ]);
      const available = (
        await ada.session.get(`/api/v1/portfolios/${portfolioId}/jira/available-projects?query=a`)
      ).json();
      expect(available.items.find((p: { key: string }) => p.key === "AE")).toMatchObject({ linked: true });
    });

    it("links an epic with its progress from its children (parent and Epic Link), rolled up to the initiative", async () => {
      const { ada } = world;
      const picked = await ada.session.get(`/api/v1/portfolios/${portfolioId}/jira/epics?query=Email`);
      expect(picked.json().items).toContainEqual(
        expect.objectContaining({ key: "AE-786", summary: "Ship feature Email Campaigns", projectKey: "AE" }),
      );
      for (const epic of picked.json().items) expect(["AE", "ATL"]).toContain(epic.projectKey);
      const hostile = await ada.session.get(
        `/api/v1/portfolios/${portfolioId}/jira/epics?query=${encodeURIComponent('a" OR project = DEL OR summary ~ "\\')}`,
      );
      expect(hostile.statusCode).toBe(200);
      for (const epic of hostile.json().items) expect(["AE", "ATL"]).toContain(epic.projectKey);
      const byKey = await ada.session.get(`/api/v1/portfolios/${portfolioId}/jira/epics?query=ae-786`);
      expect(byKey.json().items.map((e: { key: string }) => e.key)).toEqual(["AE-786"]);
      const linked = await ada.session.post(`/api/v1/initiatives/${initiativeId}/epics`, { key: "AE-786" });
      expect(linked.statusCode).toBe(201);
      expect(linked.json()).toMatchObject({
        key: "AE-786",
        url: `${world.jira.url}/browse/AE-786`,
        status: { name: expect.any(String), category: expect.any(String) },
        progress: { byCount: { done: 3, total: 10, progress: 30 } },
        stale: null,
      });
      expect(
        (await ada.session.post(`/api/v1/initiatives/${initiativeId}/epics`, { key: "AE-786" })).statusCode,
      ).toBe(409);
      const notEpic = await ada.session.post(`/api/v1/initiatives/${initiativeId}/epics`, { key: "AE-787" });
      expect(notEpic.statusCode).toBe(400);
      const otherProject = await ada.session.post(`/api/v1/initiatives/${initiativeId}/epics`, {
        key: "DEL-1",
      });
      expect(otherProject.statusCode).toBe(400);
      expect(otherProject.json().error.message).toMatch(/not linked/);
      expect(
        (await ada.session.post(`/api/v1/initiatives/${initiativeId}/epics`, { key: "AE-99999" })).statusCode,
      ).toBe(400);
      const initiative = (await ada.session.get(`/api/v1/initiatives/${initiativeId}`)).json();
      expect(initiative).toMatchObject({
        epicCount: 1,
        progress: { byCount: { done: 3, total: 10, progress: 30 } },
      });
    });

    it("the epic picker finds epics by project key and pages through all of them", async () => {
      const { ada } = world;
      const url = `/api/v1/portfolios/${portfolioId}/jira/epics`;
      const byProject = (await ada.session.get(`${url}?query=atl`)).json();
      expect(byProject.items.length).toBeGreaterThan(0);
      for (const epic of byProject.items) expect(epic.projectKey).toBe("ATL");
      // Every epic of the linked projects, a page at a time, each once.
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = cursor === null ? "" : `?cursor=${encodeURIComponent(cursor)}`;
        const page = await ada.session.get(`${url}${query}`);
        expect(page.statusCode, page.body).toBe(200);
        seen.push(...page.json().items.map((e: { key: string }) => e.key));
        cursor = page.json().nextCursor;
        pages += 1;
      } while (cursor !== null && pages < 20);
      expect(new Set(seen).size).toBe(seen.length);
      const jira = createJiraClient(dep.clientOptions(world.jira, ADMIN_JIRA.email, ADMIN_JIRA.token));
      const inJira = (
        await jira.searchIssues("project in (AE, ATL) AND issuetype = Epic ORDER BY key ASC", ["summary"])
      ).map((issue) => issue.key);
      expect(seen).toEqual(inJira);
      expect(pages).toBe(Math.max(1, Math.ceil(inJira.length / EPIC_PAGE_SIZE)));
    });

    it("refreshes every linked epic with one search and one read of the epics, read-only", async () => {
      const { ada } = world;
      await ada.session.post(`/api/v1/initiatives/${initiativeId}/epics`, { key: "ATL-101" });
      world.jira.admin.clearRequestLog();
      const refreshed = await ada.session.post(`/api/v1/portfolios/${portfolioId}/jira/refresh`);
      expect(refreshed.statusCode).toBe(200);
      expect(refreshed.json()).toMatchObject({
        health: "healthy",
        error: null,
        lastSyncAt: expect.any(String),
      });
      const log = world.jira.admin.requestLog();
      // One search for every epic's children, and one read of the epics themselves: Cloud's bulkfetch, a
      // `key in` search on Data Center (it has no bulkfetch). Nothing else is sent but GETs.
      const reads = log.filter((r) => r.method !== "GET").map((r) => r.path);
      expect(reads.sort()).toEqual(
        dep.deployment === "cloud"
          ? ["/rest/api/3/issue/bulkfetch", dep.searchPath]
          : [dep.searchPath, dep.searchPath],
      );
      const epics = (await ada.session.get(`/api/v1/initiatives/${initiativeId}/epics`)).json().items;
      expect(epics.map((e: { key: string }) => e.key)).toEqual(["AE-786", "ATL-101"]);
      expect(epics[1].progress.byCount.total).toBeGreaterThan(0);
    });

    it("keeps the last good values when Jira fails, with the reason and since when; recovers on the next sync", async () => {
      const { ada } = world;
      world.jira.admin.setFaults({ error503Rate: 1 });
      const failed = (await ada.session.post(`/api/v1/portfolios/${portfolioId}/jira/refresh`)).json();
      expect(failed).toMatchObject({
        health: "healthy",
        error: { code: "jira_unavailable", since: expect.any(String) },
      });
      const stale = (await ada.session.get(`/api/v1/initiatives/${initiativeId}/epics`)).json().items[0];
      expect(stale).toMatchObject({
        key: "AE-786",
        progress: { byCount: { done: 3, total: 10 } },
        stale: { code: "jira_unavailable", message: expect.stringMatching(/unavailable/) },
      });
      const since = stale.stale.since;
      await ada.session.post(`/api/v1/portfolios/${portfolioId}/jira/refresh`);
      const again = (await ada.session.get(`/api/v1/initiatives/${initiativeId}/epics`)).json().items[0];
      expect(again.stale.since).toBe(since);
      expect((await ada.session.get(`/api/v1/initiatives/${initiativeId}`)).json().hasStaleEpics).toBe(true);
      world.jira.admin.clearFaults();
      const recovered = (await ada.session.post(`/api/v1/portfolios/${portfolioId}/jira/refresh`)).json();
      expect(recovered.error).toBeNull();
      expect(
        (await ada.session.get(`/api/v1/initiatives/${initiativeId}/epics`)).json().items[0].stale,
      ).toBeNull();
    });

    it("marks the configuration unhealthy when the token is revoked, until it is edited", async () => {
      const { ada } = world;
      world.jira.admin.setFaults({ revokedUsers: [ADMIN_JIRA.email] });
      const revoked = (await ada.session.post(`/api/v1/portfolios/${portfolioId}/jira/refresh`)).json();
      expect(revoked).toMatchObject({ health: "unhealthy", error: { code: "jira_bad_credentials" } });
      const epic = (await ada.session.get(`/api/v1/initiatives/${initiativeId}/epics`)).json().items[0];
      expect(epic).toMatchObject({
        stale: { code: "jira_bad_credentials" },
        progress: { byCount: { done: 3, total: 10 } },
      });
      world.jira.admin.clearFaults();
      const edited = await ada.session.put(`/api/v1/portfolios/${portfolioId}/jira`, world.jiraBody());
      expect(edited.json()).toMatchObject({ health: "healthy", error: null });
    });

    it("stops Jira functions while the organisation's Jira switch is off; reading and removing still work", async () => {
      const { ada } = world;
      const toggle = (enabled: boolean) =>
        ada.session.put(`/api/v1/orgs/${world.acmeId}/integrations/jira`, { enabled });
      expect((await toggle(false)).statusCode).toBe(200);
      try {
        for (const response of [
          await ada.session.post(`/api/v1/portfolios/${portfolioId}/jira/refresh`),
          await ada.session.post(`/api/v1/initiatives/${initiativeId}/epics`, { key: "ATL-126" }),
          await ada.session.post(`/api/v1/portfolios/${portfolioId}/jira/projects`, { keys: ["BEA"] }),
          await ada.session.get(`/api/v1/portfolios/${portfolioId}/jira/epics?query=x`),
        ]) {
          expect(response.statusCode).toBe(409);
          expect(response.json().error.code).toBe("jira_integration_disabled");
        }
        expect(
          (await ada.session.get(`/api/v1/initiatives/${initiativeId}/epics`)).json().items,
        ).toHaveLength(2);
        expect(
          (await ada.session.get(`/api/v1/portfolios/${portfolioId}/jira/projects/ATL/unlink-preview`))
            .statusCode,
        ).toBe(200);
      } finally {
        await toggle(true);
      }
    });

    it("shows the cascade before unlinking a project, then unlinks its epics with it", async () => {
      const { ada } = world;
      const preview = await ada.session.get(
        `/api/v1/portfolios/${portfolioId}/jira/projects/ATL/unlink-preview`,
      );
      expect(preview.json()).toEqual({
        projects: [{ key: "ATL", name: "Atlas" }],
        epics: [expect.objectContaining({ key: "ATL-101", initiativeId, initiativeTitle: "Growth launch" })],
      });
      expect(
        (await ada.session.delete(`/api/v1/portfolios/${portfolioId}/jira/projects/ATL`)).statusCode,
      ).toBe(204);
      const epics = (await ada.session.get(`/api/v1/initiatives/${initiativeId}/epics`)).json().items;
      expect(epics.map((e: { key: string }) => e.key)).toEqual(["AE-786"]);
      expect(
        (await ada.session.delete(`/api/v1/portfolios/${portfolioId}/jira/projects/ATL`)).statusCode,
      ).toBe(404);
      expect(
        (await ada.session.get(`/api/v1/portfolios/${portfolioId}/jira/projects/ATL/unlink-preview`))
          .statusCode,
      ).toBe(404);
    });

    it("shows the cascade before deleting the configuration, then unlinks every project and epic", async () => {
      const { ada } = world;
      const preview = (await ada.session.get(`/api/v1/portfolios/${portfolioId}/jira/delete-preview`)).json();
      expect(preview.projects.map((p: { key: string }) => p.key)).toEqual(["AE"]);
      expect(preview.epics.map((e: { key: string }) => e.key)).toEqual(["AE-786"]);
      expect((await ada.session.delete(`/api/v1/portfolios/${portfolioId}/jira`)).statusCode).toBe(204);
      expect((await ada.session.get(`/api/v1/portfolios/${portfolioId}/jira`)).statusCode).toBe(404);
      expect((await ada.session.get(`/api/v1/initiatives/${initiativeId}/epics`)).json().items).toEqual([]);
      const counts = await world.goalpost.database.db.execute(
        sql`select (select count(*) from portfolio_jira_projects)::int as projects, (select count(*) from initiative_epics)::int as epics`,
      );
      expect(JSON.stringify(counts)).toContain('"projects":0,"epics":0');
      expect((await ada.session.get(`/api/v1/initiatives/${initiativeId}`)).json().epicCount).toBe(0);
    });
  },
);
