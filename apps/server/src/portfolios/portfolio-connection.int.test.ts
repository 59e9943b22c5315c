import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncConnection } from "../sync/sync-connection.ts";
import { engineDeploymentPairs } from "../testing/jira-deployments.ts";
import { insertObjective } from "../testing/okr-rows.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";
import {
  ADMIN_JIRA,
  createPortfolioWithInitiative,
  type Person,
  type PortfolioWorld,
  startPortfolioWorld,
} from "./portfolio-fixture.ts";

type Rows<T> = { rows: T[] };

/**
 * A portfolio's Jira configuration is a connection on the one sync engine: its own (credentials entered for
 * the portfolio) or an organisation connection its manager may use; epics are read through the connection's
 * sync, batched with the key results' epic queries.
 */
describe.each(engineDeploymentPairs(TEST_ENGINES))(
  "a portfolio's Jira connection on %s, %s",
  (engine, _, dep) => {
    let world: PortfolioWorld;
    let bob: Person;
    let orgConnectionId: string;

    beforeAll(async () => {
      world = await startPortfolioWorld(engine, dep);
      bob = await world.joinAcme("Bob");
      const created = await world.ada.session.post(`/api/v1/orgs/${world.acmeId}/jira/connections`, {
        name: "Acme Jira",
        ...world.jiraBody(),
        sharing: { kind: "org" },
      });
      expect(created.statusCode, created.body).toBe(201);
      orgConnectionId = created.json().id;
    });
    afterAll(() => world?.close());

    it("uses an organisation connection the manager may use; GET says which kind it is", async () => {
      const { ada } = world;
      const { portfolioId } = await createPortfolioWithInitiative(world, ada.session, "Shared");
      const url = `/api/v1/portfolios/${portfolioId}/jira`;
      const checked = await ada.session.post(`${url}/check`, { connectionId: orgConnectionId });
      expect(checked.statusCode, checked.body).toBe(200);
      expect(checked.json().projects.map((p: { key: string }) => p.key)).toContain("AE");
      const saved = await ada.session.put(url, { connectionId: orgConnectionId, projectKeys: ["AE"] });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toMatchObject({
        connection: { id: orgConnectionId, name: "Acme Jira", kind: "organisation" },
        baseUrl: world.jira.url,
        projectCount: 1,
      });
      expect((await ada.session.get(url)).json().connection.kind).toBe("organisation");
      // Without a token of its own the portfolio cannot switch to own credentials: the org token is never reused.
      const noToken = await ada.session.put(url, world.jiraBody({ [dep.secretField]: undefined }));
      expect(noToken.statusCode).toBe(400);
      expect(noToken.json().error.details.fields).toHaveProperty(dep.secretField);
    });

    it("refuses a connection the manager may not use, another organisation's, or a body of both kinds", async () => {
      const { ada, pia } = world;
      const { portfolioId } = await createPortfolioWithInitiative(world, bob.session, "Bob's");
      const privateToAda = await ada.session.post(`/api/v1/orgs/${world.acmeId}/jira/connections`, {
        name: "Ada's own",
        ...world.jiraBody(),
        sharing: { kind: "private" },
      });
      const url = `/api/v1/portfolios/${portfolioId}/jira`;
      expect((await bob.session.put(url, { connectionId: privateToAda.json().id })).statusCode).toBe(404);
      const partners = await pia.session.post(`/api/v1/orgs/${world.partnerId}/jira/connections`, {
        name: "Partner Jira",
        ...world.jiraBody(),
        sharing: { kind: "org" },
      });
      expect((await bob.session.put(url, { connectionId: partners.json().id })).statusCode).toBe(404);
      expect(
        (await bob.session.put(url, { ...world.jiraBody(), connectionId: orgConnectionId })).statusCode,
      ).toBe(400);
      expect((await bob.session.put(url, { connectionId: orgConnectionId })).statusCode).toBe(200);
    });

    it("keeps a portfolio's own connection out of the organisation's list; its managers manage it", async () => {
      const { ada } = world;
      const { portfolioId } = await createPortfolioWithInitiative(world, ada.session, "Own");
      const saved = await ada.session.put(`/api/v1/portfolios/${portfolioId}/jira`, world.jiraBody());
      expect(saved.json().connection).toMatchObject({ kind: "portfolio", name: "Own (portfolio)" });
      const ownId: string = saved.json().connection.id;
      const listed = (await ada.session.get(`/api/v1/orgs/${world.acmeId}/jira/connections`)).json().items;
      expect(listed.map((c: { id: string }) => c.id)).not.toContain(ownId);
      expect((await ada.session.get(`/api/v1/jira/connections/${ownId}/webhook`)).statusCode).toBe(200);
      // Bob is an admin of nothing and no member of the portfolio: he does not see it.
      expect((await bob.session.get(`/api/v1/jira/connections/${ownId}/webhook`)).statusCode).toBe(404);
      // Another portfolio cannot borrow it.
      const other = await createPortfolioWithInitiative(world, ada.session, "Borrower");
      expect(
        (await ada.session.put(`/api/v1/portfolios/${other.portfolioId}/jira`, { connectionId: ownId }))
          .statusCode,
      ).toBe(404);
      // Switching to an organisation connection removes the own one; deleting the configuration keeps the org one.
      await ada.session.put(`/api/v1/portfolios/${portfolioId}/jira`, { connectionId: orgConnectionId });
      const left = await world.goalpost.database.db.execute(
        sql`select count(*)::int as n from jira_connections where id = ${ownId}`,
      );
      expect((left as unknown as Rows<{ n: number }>).rows[0]?.n).toBe(0);
      expect((await ada.session.delete(`/api/v1/portfolios/${portfolioId}/jira`)).statusCode).toBe(204);
      expect((await ada.session.get(`/api/v1/jira/connections/${orgConnectionId}`)).statusCode).toBe(200);
    });

    it("refuses to delete an organisation connection portfolios read through, naming them (409)", async () => {
      const { ada } = world;
      const refused = await ada.session.delete(`/api/v1/jira/connections/${orgConnectionId}`);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error).toMatchObject({
        code: "conflict",
        message: expect.stringContaining("Shared"),
        details: { portfolios: expect.arrayContaining([expect.objectContaining({ name: "Shared" })]) },
      });
      expect((await ada.session.get(`/api/v1/jira/connections/${orgConnectionId}`)).statusCode).toBe(200);
    });

    it("a delete racing a portfolio switching to the connection ends consistent: never a 500", async () => {
      const { ada } = world;
      for (let round = 0; round < 4; round += 1) {
        const created = await ada.session.post(`/api/v1/orgs/${world.acmeId}/jira/connections`, {
          name: `Racing ${round}`,
          ...world.jiraBody(),
          sharing: { kind: "org" },
        });
        const racingId = created.json().id as string;
        const { portfolioId } = await createPortfolioWithInitiative(world, ada.session, `Race ${round}`);
        const [saved, deleted] = await Promise.all([
          ada.session.put(`/api/v1/portfolios/${portfolioId}/jira`, { connectionId: racingId }),
          ada.session.delete(`/api/v1/jira/connections/${racingId}`),
        ]);
        // Either the switch won (the delete is refused) or the delete did (the switch finds no connection).
        const outcome = `${saved.statusCode}/${deleted.statusCode}`;
        expect(["200/409", "404/204"], `${outcome} ${saved.body} ${deleted.body}`).toContain(outcome);
        const card = await ada.session.get(`/api/v1/portfolios/${portfolioId}/jira`);
        expect(card.statusCode).toBe(saved.statusCode === 200 ? 200 : 404);
      }
    });

    it("reads an epic and a key result on the same issues with one Jira search", async () => {
      const { ada, goalpost, jira } = world;
      const { portfolioId, initiativeId } = await createPortfolioWithInitiative(
        world,
        ada.session,
        "One read",
      );
      await ada.session.put(`/api/v1/portfolios/${portfolioId}/jira`, {
        connectionId: orgConnectionId,
        projectKeys: ["AE"],
      });
      expect(
        (await ada.session.post(`/api/v1/initiatives/${initiativeId}/epics`, { key: "AE-786" })).statusCode,
      ).toBe(201);
      const objectiveId = await insertObjective(goalpost.database.db, { orgId: world.acmeId });
      const kr = await ada.session.post(`/api/v1/objectives/${objectiveId}/key-results`, {
        title: "Email Campaigns",
        measure: { kind: "percent" },
        dataSource: {
          kind: "jira",
          connectionId: orgConnectionId,
          jql: dep.childrenOf("AE-786"),
          metric: "count",
        },
      });
      expect(kr.statusCode, kr.body).toBe(201);
      // Forget every stamp so the sync reads from scratch, then count what it asks Jira.
      await goalpost.database.db.execute(
        sql`update jira_sync_states set change_cursor_at = null where connection_id = ${orgConnectionId}`,
      );
      jira.admin.clearRequestLog();
      const run = await syncConnection(goalpost.jobContext, { connectionId: orgConnectionId });
      expect(run.outcome).toBe("synced");
      // One search for the members of both; Data Center (no bulkfetch) reads the epic's own fields by a second.
      const searches = jira.admin.requestLog().filter((entry) => entry.path === dep.searchPath);
      expect(searches).toHaveLength(dep.deployment === "cloud" ? 1 : 2);
      const epics = (await ada.session.get(`/api/v1/initiatives/${initiativeId}/epics`)).json().items;
      expect(epics[0]).toMatchObject({
        key: "AE-786",
        progress: { byCount: { done: 3, total: 10 } },
        stale: null,
      });
      const state = (await ada.session.get(`/api/v1/key-results/${kr.json().id}`)).json().state;
      expect(state).toMatchObject({ value: 3, progress: 30 });
    });

    it("migration 0011 turns a configuration of before into the portfolio's own connection, token sealed as it was", async () => {
      const { ada, goalpost } = world;
      const db = goalpost.database.db;
      const { portfolioId } = await createPortfolioWithInitiative(world, ada.session, "Legacy");
      const sealed = `v2.test.${randomUUID()}`;
      await db.execute(sql`insert into portfolio_jira_configs
      (portfolio_id, base_url, email, api_token_sealed, account_id, account_name, configured_by, configured_at, updated_at, healthy, error_code, error_since, failure_count)
      values (${portfolioId}, ${world.jira.url}, ${ADMIN_JIRA.email}, ${sealed}, 'acc-1', 'Ada Admin', ${ada.id}, now(), now(), false, 'jira_bad_credentials', now(), 3)`);
      const migration = readFileSync(
        fileURLToPath(new URL("../../drizzle/0011_portfolio_connections.sql", import.meta.url)),
        "utf8",
      );
      const dataSteps = migration
        .split("--> statement-breakpoint")
        .map((step) => step.replace(/^\s*--.*$/gm, "").trim())
        .filter((step) => /^(INSERT|UPDATE)/.test(step));
      expect(dataSteps).toHaveLength(3);
      for (const step of dataSteps) await db.execute(sql.raw(step));
      const rows = (await db.execute(sql`select c.base_url, c.email, c.api_token_sealed, c.account_id,
        c.portfolio_id, c.sharing, s.broken_at is not null as broken, s.failure_count
      from portfolio_jira_configs p join jira_connections c on c.id = p.connection_id
      left join jira_sync_states s on s.connection_id = c.id where p.portfolio_id = ${portfolioId}`)) as unknown as Rows<
        Record<string, unknown>
      >;
      expect(rows.rows).toEqual([
        {
          base_url: world.jira.url,
          email: ADMIN_JIRA.email,
          api_token_sealed: sealed,
          account_id: "acc-1",
          portfolio_id: portfolioId,
          sharing: "private",
          broken: true,
          failure_count: 3,
        },
      ]);
      const card = (await ada.session.get(`/api/v1/portfolios/${portfolioId}/jira`)).json();
      expect(card).toMatchObject({
        connection: { kind: "portfolio" },
        health: "unhealthy",
        error: { code: "jira_bad_credentials" },
      });
    });
  },
);
