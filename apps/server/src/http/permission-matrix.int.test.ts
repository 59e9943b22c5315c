import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provisionUser } from "../accounts/provision-user.ts";
import {
  ADMIN_JIRA,
  type Person,
  type PortfolioWorld,
  startPortfolioWorld,
} from "../portfolios/portfolio-fixture.ts";
import { type HttpSession, httpSession, signUpWithOrg } from "../testing/http-session.ts";
import { TEST_PUBLIC_URL } from "../testing/start-test-goalpost.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";

/**
 * Every operation of the OpenAPI document × every kind of caller → the status it must answer. The columns:
 * - `anon`: no session;
 * - `member`: a member of the org (Acme) with no portfolio role and owning no OKR;
 * - `admin`: Acme's admin, who created every fixture object (owner of the OKRs, the connection, the portfolio);
 * - `other`: the admin of another organisation (Partner) calling Acme's ids — must be 404, never 403 or 2xx;
 * - `manager`, `contrib`, `viewer`: Acme members holding that role in Acme's portfolio;
 * - `external`: a Partner member who is a *manager* of Acme's portfolio (an external member: sees the
 *   portfolio, uses none of its Jira functions, sees nothing else of Acme).
 * Each row gives a body that would succeed for an allowed caller, so the status is the authorisation's answer,
 * not the validation's. A new route without a row fails the test.
 */
const COLUMNS = ["anon", "member", "admin", "other", "manager", "contrib", "viewer", "external"] as const;
type Column = (typeof COLUMNS)[number];

/** What one operation is called with: its path ids (fresh objects for destructive calls), body and query. */
interface Call {
  params: Record<string, string>;
  body?: unknown;
  query?: string;
}

/** One row: the expected statuses in {@link COLUMNS} order, and how to make the call. */
interface Row {
  expect: string;
  call(fixture: Fixture): Promise<Call> | Call;
}

const EPIC = '"Epic Link" = AE-786';

/** The seeded world every row is called against. */
interface Fixture {
  world: PortfolioWorld;
  people: Record<Exclude<Column, "anon">, Person>;
  acmeId: string;
  periodId: string;
  objectiveId: string;
  jiraObjectiveId: string;
  keyResultId: string;
  jiraKeyResultId: string;
  connectionId: string;
  portfolioId: string;
  initiativeId: string;
  /** Fresh objects, made by Acme's admin, for calls that destroy or consume what they touch. */
  fresh: {
    apiToken(): Promise<string>;
    member(): Promise<string>;
    invite(): Promise<string>;
    elsewhereInviteToken(): Promise<string>;
    connection(): Promise<string>;
    period(): Promise<string>;
    objective(): Promise<string>;
    keyResult(): Promise<string>;
    portfolio(jira?: "jira"): Promise<string>;
    initiative(epic?: "epic"): Promise<string>;
  };
  email(): string;
}

const MATRIX: Record<string, Row> = {
  "GET /healthz": { expect: "200 200 200 200 200 200 200 200", call: () => ({ params: {} }) },
  "GET /readyz": { expect: "200 200 200 200 200 200 200 200", call: () => ({ params: {} }) },
  "POST /api/v1/signup": {
    expect: "201 201 201 201 201 201 201 201",
    call: (f) => ({
      params: {},
      body: { name: "New", email: f.email(), password: "correct horse battery", orgName: "New Co" },
    }),
  },
  "GET /api/v1/me": { expect: "401 200 200 200 200 200 200 200", call: () => ({ params: {} }) },
  "GET /api/v1/me/tokens": { expect: "401 200 200 200 200 200 200 200", call: () => ({ params: {} }) },
  "POST /api/v1/me/tokens": {
    expect: "401 201 201 201 201 201 201 201",
    call: () => ({ params: {}, body: { name: "script" } }),
  },
  "DELETE /api/v1/me/tokens/{tokenId}": {
    expect: "401 404 204 404 404 404 404 404",
    call: async (f) => ({ params: { tokenId: await f.fresh.apiToken() } }),
  },
  "GET /api/v1/me/portfolios": { expect: "401 200 200 200 200 200 200 200", call: () => ({ params: {} }) },
  "POST /api/v1/orgs": {
    expect: "401 201 201 201 201 201 201 201",
    call: () => ({ params: {}, body: { name: "Side project" } }),
  },
  "GET /api/v1/orgs/{orgId}/members": {
    expect: "401 200 200 404 200 200 200 404",
    call: (f) => ({ params: { orgId: f.acmeId } }),
  },
  "PATCH /api/v1/orgs/{orgId}/members/{userId}": {
    expect: "401 403 200 404 403 403 403 404",
    call: (f) => ({ params: { orgId: f.acmeId, userId: f.people.member.id }, body: { role: "member" } }),
  },
  "DELETE /api/v1/orgs/{orgId}/members/{userId}": {
    expect: "401 403 204 404 403 403 403 404",
    call: async (f) => ({ params: { orgId: f.acmeId, userId: await f.fresh.member() } }),
  },
  "GET /api/v1/orgs/{orgId}/invites": {
    expect: "401 403 200 404 403 403 403 404",
    call: (f) => ({ params: { orgId: f.acmeId } }),
  },
  "POST /api/v1/orgs/{orgId}/invites": {
    expect: "401 403 201 404 403 403 403 404",
    call: (f) => ({ params: { orgId: f.acmeId }, body: { role: "member" } }),
  },
  "DELETE /api/v1/orgs/{orgId}/invites/{inviteId}": {
    expect: "401 403 204 404 403 403 403 404",
    call: async (f) => ({ params: { orgId: f.acmeId, inviteId: await f.fresh.invite() } }),
  },
  // An invite token is a capability: whoever holds it may look it up and (signed in) accept it. The invites
  // are to a third organisation, so accepting one changes nobody's access to Acme.
  "GET /api/v1/invites/{token}": {
    expect: "200 200 200 200 200 200 200 200",
    call: async (f) => ({ params: { token: await f.fresh.elsewhereInviteToken() } }),
  },
  "POST /api/v1/invites/{token}/accept": {
    expect: "401 200 200 200 200 200 200 200",
    call: async (f) => ({ params: { token: await f.fresh.elsewhereInviteToken() }, body: {} }),
  },
  "GET /api/v1/orgs/{orgId}/integrations/jira": {
    expect: "401 200 200 404 200 200 200 404",
    call: (f) => ({ params: { orgId: f.acmeId } }),
  },
  "PUT /api/v1/orgs/{orgId}/integrations/jira": {
    expect: "401 403 200 404 403 403 403 404",
    call: (f) => ({ params: { orgId: f.acmeId }, body: { enabled: true } }),
  },
  "GET /api/v1/orgs/{orgId}/jira/connections": {
    expect: "401 200 200 404 200 200 200 404",
    call: (f) => ({ params: { orgId: f.acmeId } }),
  },
  "POST /api/v1/orgs/{orgId}/jira/connections": {
    expect: "401 201 201 404 201 201 201 404",
    call: (f) => ({
      params: { orgId: f.acmeId },
      body: {
        name: `Jira ${f.email()}`,
        baseUrl: f.world.jira.url,
        email: ADMIN_JIRA.email,
        apiToken: ADMIN_JIRA.token,
        sharing: { kind: "private" },
      },
    }),
  },
  "GET /api/v1/jira/connections/{id}": {
    expect: "401 200 200 404 200 200 200 404",
    call: (f) => ({ params: { id: f.connectionId } }),
  },
  "PATCH /api/v1/jira/connections/{id}": {
    expect: "401 403 200 404 403 403 403 404",
    call: (f) => ({ params: { id: f.connectionId }, body: { name: "Acme Jira" } }),
  },
  "DELETE /api/v1/jira/connections/{id}": {
    expect: "401 403 204 404 403 403 403 404",
    call: async (f) => ({ params: { id: await f.fresh.connection() } }),
  },
  "POST /api/v1/jira/connections/{id}/test": {
    expect: "401 200 200 404 200 200 200 404",
    call: (f) => ({ params: { id: f.connectionId }, body: {} }),
  },
  "GET /api/v1/jira/connections/{id}/fields": {
    expect: "401 200 200 404 200 200 200 404",
    call: (f) => ({ params: { id: f.connectionId } }),
  },
  "POST /api/v1/jira/connections/{id}/jql/check": {
    expect: "401 200 200 404 200 200 200 404",
    call: (f) => ({ params: { id: f.connectionId }, body: { jql: EPIC } }),
  },
  "GET /api/v1/jira/connections/{id}/webhook": {
    expect: "401 403 200 404 403 403 403 404",
    call: (f) => ({ params: { id: f.connectionId } }),
  },
  "POST /api/v1/jira/connections/{id}/webhook/rotate": {
    expect: "401 403 200 404 403 403 403 404",
    call: (f) => ({ params: { id: f.connectionId }, body: {} }),
  },
  // No session: a delivery authenticates by its body's HMAC; none here, so 401 whoever calls.
  "POST /api/v1/hooks/jira/{hookId}": {
    expect: "401 401 401 401 401 401 401 401",
    call: () => ({ params: { hookId: "00000000-0000-4000-8000-000000000000" }, body: {} }),
  },
  "GET /api/v1/orgs/{orgId}/periods": {
    expect: "401 200 200 404 200 200 200 404",
    call: (f) => ({ params: { orgId: f.acmeId } }),
  },
  // Any member may add a period (only a time range); changing or deleting one moves everyone's OKRs: admins.
  "POST /api/v1/orgs/{orgId}/periods": {
    expect: "401 201 201 404 201 201 201 404",
    call: (f) => ({
      params: { orgId: f.acmeId },
      body: { name: `Q ${f.email()}`, start: "2031-01-01", end: "2031-03-31" },
    }),
  },
  "PATCH /api/v1/periods/{id}": {
    expect: "401 403 200 404 403 403 403 404",
    call: (f) => ({ params: { id: f.periodId }, body: { name: "This quarter" } }),
  },
  "DELETE /api/v1/periods/{id}": {
    expect: "401 403 204 404 403 403 403 404",
    call: async (f) => ({ params: { id: await f.fresh.period() } }),
  },
  "GET /api/v1/orgs/{orgId}/periods/{id}/export.csv": {
    expect: "401 200 200 404 200 200 200 404",
    call: (f) => ({ params: { orgId: f.acmeId, id: f.periodId } }),
  },
  "GET /api/v1/orgs/{orgId}/periods/{id}/alignment": {
    expect: "401 200 200 404 200 200 200 404",
    call: (f) => ({ params: { orgId: f.acmeId, id: f.periodId } }),
  },
  "GET /api/v1/orgs/{orgId}/objectives": {
    expect: "401 200 200 404 200 200 200 404",
    call: (f) => ({ params: { orgId: f.acmeId }, query: `?periodId=${f.periodId}` }),
  },
  "POST /api/v1/orgs/{orgId}/objectives": {
    expect: "401 201 201 404 201 201 201 404",
    call: (f) => ({ params: { orgId: f.acmeId }, body: { title: "Grow", periodId: f.periodId } }),
  },
  "GET /api/v1/objectives/{id}": {
    expect: "401 200 200 404 200 200 200 404",
    call: (f) => ({ params: { id: f.objectiveId } }),
  },
  "PATCH /api/v1/objectives/{id}": {
    expect: "401 403 200 404 403 403 403 404",
    call: (f) => ({ params: { id: f.objectiveId }, body: { title: "Delight customers" } }),
  },
  "DELETE /api/v1/objectives/{id}": {
    expect: "401 403 204 404 403 403 403 404",
    call: async (f) => ({ params: { id: await f.fresh.objective() } }),
  },
  "POST /api/v1/objectives/{id}/refresh": {
    expect: "401 200 200 404 200 200 200 404",
    call: (f) => ({ params: { id: f.jiraObjectiveId }, body: {} }),
  },
  "GET /api/v1/objectives/{id}/history": {
    expect: "401 200 200 404 200 200 200 404",
    call: (f) => ({ params: { id: f.objectiveId } }),
  },
  "GET /api/v1/objectives/{id}/issues": {
    expect: "401 200 200 404 200 200 200 404",
    call: (f) => ({ params: { id: f.jiraObjectiveId } }),
  },
  "POST /api/v1/objectives/{id}/key-results": {
    expect: "401 403 201 404 403 403 403 404",
    call: (f) => ({ params: { id: f.objectiveId }, body: { title: "More", measure: { kind: "percent" } } }),
  },
  "GET /api/v1/key-results/{id}": {
    expect: "401 200 200 404 200 200 200 404",
    call: (f) => ({ params: { id: f.keyResultId } }),
  },
  "PATCH /api/v1/key-results/{id}": {
    expect: "401 403 200 404 403 403 403 404",
    call: (f) => ({ params: { id: f.keyResultId }, body: { title: "Happy customers" } }),
  },
  "DELETE /api/v1/key-results/{id}": {
    expect: "401 403 204 404 403 403 403 404",
    call: async (f) => ({ params: { id: await f.fresh.keyResult() } }),
  },
  "POST /api/v1/key-results/{id}/refresh": {
    expect: "401 200 200 404 200 200 200 404",
    call: (f) => ({ params: { id: f.jiraKeyResultId }, body: {} }),
  },
  "GET /api/v1/key-results/{id}/history": {
    expect: "401 200 200 404 200 200 200 404",
    call: (f) => ({ params: { id: f.keyResultId } }),
  },
  "GET /api/v1/key-results/{id}/issues": {
    expect: "401 200 200 404 200 200 200 404",
    call: (f) => ({ params: { id: f.jiraKeyResultId } }),
  },
  "POST /api/v1/key-results/{id}/check-ins": {
    expect: "401 403 201 404 403 403 403 404",
    call: (f) => ({ params: { id: f.keyResultId }, body: { value: 40 } }),
  },
  "GET /api/v1/key-results/{id}/comments": {
    expect: "401 200 200 404 200 200 200 404",
    call: (f) => ({ params: { id: f.keyResultId } }),
  },
  // A status note is for those who may edit the key result; the others read it.
  "POST /api/v1/key-results/{id}/comments": {
    expect: "401 403 201 404 403 403 403 404",
    call: (f) => ({ params: { id: f.keyResultId }, body: { body: "Looks good" } }),
  },
  "GET /api/v1/orgs/{orgId}/portfolios": {
    expect: "401 200 200 404 200 200 200 404",
    call: (f) => ({ params: { orgId: f.acmeId } }),
  },
  "POST /api/v1/orgs/{orgId}/portfolios": {
    expect: "401 201 201 404 201 201 201 404",
    call: (f) => ({ params: { orgId: f.acmeId }, body: { name: "Side bets" } }),
  },
  "GET /api/v1/portfolios/{id}": {
    expect: "401 404 200 404 200 200 200 200",
    call: (f) => ({ params: { id: f.portfolioId } }),
  },
  "PATCH /api/v1/portfolios/{id}": {
    expect: "401 404 200 404 200 403 403 200",
    call: (f) => ({ params: { id: f.portfolioId }, body: { name: "Matrix" } }),
  },
  "DELETE /api/v1/portfolios/{id}": {
    expect: "401 404 204 404 204 403 403 204",
    call: async (f) => ({ params: { id: await f.fresh.portfolio() } }),
  },
  "GET /api/v1/portfolios/{id}/members": {
    expect: "401 404 200 404 200 200 200 200",
    call: (f) => ({ params: { id: f.portfolioId } }),
  },
  "POST /api/v1/portfolios/{id}/members": {
    expect: "401 404 200 404 200 403 403 200",
    call: async (f) => ({
      params: { id: await f.fresh.portfolio() },
      body: { email: "member@people.test", role: "viewer" },
    }),
  },
  "PUT /api/v1/portfolios/{id}/members/{userId}": {
    expect: "401 404 200 404 200 403 403 200",
    call: (f) => ({ params: { id: f.portfolioId, userId: f.people.viewer.id }, body: { role: "viewer" } }),
  },
  "DELETE /api/v1/portfolios/{id}/members/{userId}": {
    expect: "401 404 204 404 204 403 403 204",
    call: async (f) => ({ params: { id: await f.fresh.portfolio(), userId: f.people.viewer.id } }),
  },
  "GET /api/v1/portfolios/{id}/initiatives": {
    expect: "401 404 200 404 200 200 200 200",
    call: (f) => ({ params: { id: f.portfolioId } }),
  },
  "POST /api/v1/portfolios/{id}/initiatives": {
    expect: "401 404 201 404 201 201 403 201",
    call: (f) => ({ params: { id: f.portfolioId }, body: { title: "Another launch" } }),
  },
  "GET /api/v1/initiatives/{id}": {
    expect: "401 404 200 404 200 200 200 200",
    call: (f) => ({ params: { id: f.initiativeId } }),
  },
  "PATCH /api/v1/initiatives/{id}": {
    expect: "401 404 200 404 200 200 403 200",
    call: (f) => ({ params: { id: f.initiativeId }, body: { title: "Matrix launch" } }),
  },
  "DELETE /api/v1/initiatives/{id}": {
    expect: "401 404 204 404 204 204 403 204",
    call: async (f) => ({ params: { id: await f.fresh.initiative() } }),
  },
  "GET /api/v1/initiatives/{id}/epics": {
    expect: "401 404 200 404 200 200 200 200",
    call: (f) => ({ params: { id: f.initiativeId } }),
  },
  "POST /api/v1/initiatives/{id}/epics": {
    expect: "401 404 201 404 201 201 403 403",
    call: async (f) => ({ params: { id: await f.fresh.initiative() }, body: { key: "AE-786" } }),
  },
  "DELETE /api/v1/initiatives/{id}/epics/{key}": {
    expect: "401 404 204 404 204 204 403 403",
    call: async (f) => ({ params: { id: await f.fresh.initiative("epic"), key: "AE-786" } }),
  },
  "GET /api/v1/portfolios/{id}/jira": {
    expect: "401 404 200 404 200 200 200 200",
    call: (f) => ({ params: { id: f.portfolioId } }),
  },
  "PUT /api/v1/portfolios/{id}/jira": {
    expect: "401 404 200 404 200 403 403 403",
    call: (f) => ({
      params: { id: f.portfolioId },
      body: { baseUrl: f.world.jira.url, email: ADMIN_JIRA.email },
    }),
  },
  "DELETE /api/v1/portfolios/{id}/jira": {
    expect: "401 404 204 404 204 403 403 403",
    call: async (f) => ({ params: { id: await f.fresh.portfolio("jira") } }),
  },
  "POST /api/v1/portfolios/{id}/jira/check": {
    expect: "401 404 200 404 200 403 403 403",
    call: (f) => ({
      params: { id: f.portfolioId },
      body: { baseUrl: f.world.jira.url, email: ADMIN_JIRA.email },
    }),
  },
  "GET /api/v1/portfolios/{id}/jira/delete-preview": {
    expect: "401 404 200 404 200 403 403 403",
    call: (f) => ({ params: { id: f.portfolioId } }),
  },
  "GET /api/v1/portfolios/{id}/jira/available-projects": {
    expect: "401 404 200 404 200 403 403 403",
    call: (f) => ({ params: { id: f.portfolioId }, query: "?query=B" }),
  },
  "GET /api/v1/portfolios/{id}/jira/projects": {
    expect: "401 404 200 404 200 200 200 200",
    call: (f) => ({ params: { id: f.portfolioId } }),
  },
  "POST /api/v1/portfolios/{id}/jira/projects": {
    expect: "401 404 200 404 200 403 403 403",
    call: async (f) => ({ params: { id: await f.fresh.portfolio("jira") }, body: { keys: ["BEA"] } }),
  },
  "GET /api/v1/portfolios/{id}/jira/projects/{key}/unlink-preview": {
    expect: "401 404 200 404 200 403 403 403",
    call: (f) => ({ params: { id: f.portfolioId, key: "AE" } }),
  },
  "DELETE /api/v1/portfolios/{id}/jira/projects/{key}": {
    expect: "401 404 204 404 204 403 403 403",
    call: async (f) => ({ params: { id: await f.fresh.portfolio("jira"), key: "ATL" } }),
  },
  "GET /api/v1/portfolios/{id}/jira/epics": {
    expect: "401 404 200 404 200 200 403 403",
    call: (f) => ({ params: { id: f.portfolioId }, query: "?query=Email" }),
  },
  "POST /api/v1/portfolios/{id}/jira/refresh": {
    expect: "401 404 200 404 200 200 403 403",
    call: (f) => ({ params: { id: f.portfolioId }, body: {} }),
  },
};

/** Fails with the response when a fixture request does not answer `status`. */
async function ok<T>(response: Promise<{ statusCode: number; body: string }>, status: number): Promise<T> {
  const answer = await response;
  if (answer.statusCode !== status) throw new Error(`fixture: ${answer.statusCode} ${answer.body}`);
  return JSON.parse(answer.body || "null") as T;
}

async function seed(world: PortfolioWorld): Promise<Fixture> {
  const admin = world.ada.session;
  const acmeId = world.acmeId;
  let counter = 0;
  const email = () => `person${++counter}@matrix.test`;
  const [member, manager, contrib, viewer] = [
    await world.joinAcme("Member"),
    await world.joinAcme("Manager"),
    await world.joinAcme("Contrib"),
    await world.joinAcme("Viewer"),
  ];
  const external = await world.joinPartner("External");
  const people = { member, admin: world.ada, other: world.pia, manager, contrib, viewer, external };

  const connectionId = (
    await ok<{ id: string }>(
      admin.post(`/api/v1/orgs/${acmeId}/jira/connections`, {
        name: "Acme Jira",
        baseUrl: world.jira.url,
        email: ADMIN_JIRA.email,
        apiToken: ADMIN_JIRA.token,
        sharing: { kind: "org" },
      }),
      201,
    )
  ).id;
  const periodId = (
    await ok<{ id: string }>(
      admin.post(`/api/v1/orgs/${acmeId}/periods`, {
        name: "This quarter",
        start: "2030-01-01",
        end: "2030-03-31",
      }),
      201,
    )
  ).id;
  const newObjective = async (body: Record<string, unknown> = {}) =>
    (
      await ok<{ id: string }>(
        admin.post(`/api/v1/orgs/${acmeId}/objectives`, { title: "Delight customers", periodId, ...body }),
        201,
      )
    ).id;
  const source = { kind: "jira", connectionId, jql: EPIC, metric: "count" };
  const objectiveId = await newObjective();
  const jiraObjectiveId = await newObjective({ measure: { kind: "percent" }, dataSource: source });
  const newKeyResult = async (body: Record<string, unknown> = {}) =>
    (
      await ok<{ id: string }>(
        admin.post(`/api/v1/objectives/${objectiveId}/key-results`, {
          title: "Happy customers",
          measure: { kind: "percent" },
          ...body,
        }),
        201,
      )
    ).id;
  const keyResultId = await newKeyResult();
  const jiraKeyResultId = await newKeyResult({ dataSource: source });

  const jiraBody = world.jiraBody({ projectKeys: ["AE", "ATL"] });
  async function newPortfolio(jira?: "jira"): Promise<string> {
    const { id } = await ok<{ id: string }>(
      admin.post(`/api/v1/orgs/${acmeId}/portfolios`, { name: "Matrix" }),
      201,
    );
    for (const [who, role] of [
      [manager, "manager"],
      [contrib, "contributor"],
      [viewer, "viewer"],
      [external, "manager"],
    ] as const) {
      await ok(admin.put(`/api/v1/portfolios/${id}/members/${who.id}`, { role }), 200);
    }
    if (jira) await ok(admin.put(`/api/v1/portfolios/${id}/jira`, jiraBody), 200);
    return id;
  }
  const portfolioId = await newPortfolio("jira");
  async function newInitiative(epic?: "epic"): Promise<string> {
    const { id } = await ok<{ id: string }>(
      admin.post(`/api/v1/portfolios/${portfolioId}/initiatives`, { title: "Matrix launch" }),
      201,
    );
    if (epic) await ok(admin.post(`/api/v1/initiatives/${id}/epics`, { key: "AE-786" }), 201);
    return id;
  }
  const initiativeId = await newInitiative("epic");
  const elsewhere = await signUpWithOrg(world.goalpost.app, {
    name: "Elsa",
    email: "elsa@elsewhere.test",
    orgName: "Elsewhere",
  });

  return {
    world,
    people,
    acmeId,
    periodId,
    objectiveId,
    jiraObjectiveId,
    keyResultId,
    jiraKeyResultId,
    connectionId,
    portfolioId,
    initiativeId,
    email,
    fresh: {
      apiToken: async () =>
        (await ok<{ id: string }>(admin.post("/api/v1/me/tokens", { name: "t" }), 201)).id,
      // Straight into the database (as `npm run cli -- user create` does): sign-ups are rate-limited per address.
      member: async () =>
        (
          await provisionUser(
            { db: world.goalpost.database.db, auth: world.goalpost.auth },
            { orgName: "Acme", email: email(), password: "correct horse battery", admin: false },
          )
        ).userId,
      invite: async () =>
        (await ok<{ id: string }>(admin.post(`/api/v1/orgs/${acmeId}/invites`, { role: "member" }), 201)).id,
      elsewhereInviteToken: async () =>
        (
          await ok<{ token: string }>(
            elsewhere.session.post(`/api/v1/orgs/${elsewhere.orgId}/invites`, { role: "member" }),
            201,
          )
        ).token,
      connection: async () =>
        (
          await ok<{ id: string }>(
            admin.post(`/api/v1/orgs/${acmeId}/jira/connections`, {
              name: `Spare ${++counter}`,
              baseUrl: world.jira.url,
              email: ADMIN_JIRA.email,
              apiToken: ADMIN_JIRA.token,
              sharing: { kind: "org" },
            }),
            201,
          )
        ).id,
      period: async () =>
        (
          await ok<{ id: string }>(
            admin.post(`/api/v1/orgs/${acmeId}/periods`, {
              name: `Spare ${++counter}`,
              start: "2032-01-01",
              end: "2032-03-31",
            }),
            201,
          )
        ).id,
      objective: () => newObjective(),
      keyResult: () => newKeyResult(),
      portfolio: newPortfolio,
      initiative: newInitiative,
    },
  };
}

/** The method, URL and body of one call of `operation`. */
async function prepareCall(fixture: Fixture, operation: string, row: Row) {
  const [method = "", template = ""] = operation.split(" ");
  const call = await row.call(fixture);
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = call.params[name];
    if (value === undefined) throw new Error(`${operation}: no value for {${name}}`);
    return encodeURIComponent(value);
  });
  return { method, url: `${path}${call.query ?? ""}`, body: call.body };
}

describe.each(TEST_ENGINES)("every API operation × every kind of caller, on %s", (engine) => {
  let world: PortfolioWorld;
  let fixture: Fixture;
  let operations: string[] = [];
  const sessions = {} as Record<Column, HttpSession>;

  beforeAll(async () => {
    world = await startPortfolioWorld(engine);
    fixture = await seed(world);
    sessions.anon = httpSession(world.goalpost.app);
    for (const column of COLUMNS) if (column !== "anon") sessions[column] = fixture.people[column].session;
    const document = (
      await world.goalpost.app.inject({ method: "GET", url: "/api/openapi.json" })
    ).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    operations = Object.entries(document.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
  });
  afterAll(() => world?.close());

  it("lists every operation of the OpenAPI document, and nothing else", () => {
    expect([...operations].sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it("answers each caller what the matrix says; another organisation's ids are 404", async () => {
    const seen: Record<string, string> = {};
    let calls = 0;
    const expected: Record<string, string> = {};
    for (const operation of operations) {
      const row = MATRIX[operation];
      if (!row) continue;
      const statuses: number[] = [];
      for (const column of COLUMNS) {
        const { method, url, body } = await prepareCall(fixture, operation, row);
        // The session's cookies are sent but never updated: a sign-up answered to a signed-in caller must not
        // turn that caller into the new account for the rest of the matrix.
        const cookies = [...sessions[column].cookies].map(([k, v]) => `${k}=${v}`).join("; ");
        const response = await world.goalpost.app.inject({
          method: method as "GET",
          url,
          // Each call from its own address: sign-up's per-address limit is not what this matrix tests.
          remoteAddress: `10.0.${Math.floor(++calls / 250)}.${calls % 250}`,
          headers: {
            origin: TEST_PUBLIC_URL,
            ...(cookies ? { cookie: cookies } : {}),
            ...(method === "GET" || method === "DELETE" ? {} : { "content-type": "application/json" }),
          },
          ...(method === "GET" || method === "DELETE" ? {} : { payload: JSON.stringify(body ?? {}) }),
        });
        statuses.push(response.statusCode);
      }
      seen[operation] = statuses.join(" ");
      expected[operation] = row.expect;
    }
    expect(seen).toEqual(expected);
  });
});
