import { createJiraEmulator, type JiraEmulator } from "@goalpost/jira-emulator";
import type { Goalpost } from "../start-goalpost.ts";
import { type HttpSession, httpSession, signUpWithOrg } from "../testing/http-session.ts";
import { startTestGoalpost } from "../testing/start-test-goalpost.ts";

/** The Jira site admin the portfolio tests configure with (sees every project of the demo site). */
export const ADMIN_JIRA = { email: "ada@example.com", token: "ada-portfolio-token-5b1e" } as const;
/** A narrower demo user: AE, ATL, BEA and COM only. */
export const PAT_JIRA = { email: "pat@example.com", token: "pat-token" } as const;

/** A person of the test world: their session and user id. */
export interface Person {
  session: HttpSession;
  id: string;
}

/**
 * The portfolio test world on `engine`: the demo Jira site on a real port, Goalpost allowed to reach it,
 * org "Acme" with its admin Ada, and org "Partner" with its admin Pia.
 */
export async function startPortfolioWorld(engine: "pglite" | "postgres") {
  const jira: JiraEmulator = await createJiraEmulator({
    dataset: { name: "demo" },
    users: [ADMIN_JIRA],
    listen: true,
  });
  const goalpost: Goalpost = await startTestGoalpost(
    engine,
    { JIRA_ALLOW_HOSTS: new URL(jira.url).host },
    undefined,
    {
      jira: { timeoutMs: 3000, retry: { maxAttempts: 1 } },
    },
  );
  const acme = await signUpWithOrg(goalpost.app, { name: "Ada", email: "ada@acme.test", orgName: "Acme" });
  const partner = await signUpWithOrg(goalpost.app, {
    name: "Pia",
    email: "pia@partner.test",
    orgName: "Partner",
  });
  const ada: Person = { session: acme.session, id: acme.userId };
  const pia: Person = { session: partner.session, id: partner.userId };

  /** Signs up `name` into org `orgOf`'s organisation through an invite from its admin. */
  async function join(admin: HttpSession, orgId: string, name: string): Promise<Person> {
    const invite = await admin.post(`/api/v1/orgs/${orgId}/invites`, { role: "member" });
    const session = httpSession(goalpost.app);
    const signUp = await session.post("/api/v1/signup", {
      name,
      email: `${name.toLowerCase().replace(/\W/g, "")}@people.test`,
      password: "correct horse battery",
      inviteToken: invite.json().token,
    });
    if (signUp.statusCode !== 201) throw new Error(`join failed: ${signUp.body}`);
    return { session, id: signUp.json().user.id as string };
  }

  return {
    jira,
    goalpost,
    ada,
    pia,
    acmeId: acme.orgId,
    partnerId: partner.orgId,
    joinAcme: (name: string) => join(ada.session, acme.orgId, name),
    joinPartner: (name: string) => join(pia.session, partner.orgId, name),
    /** The configuration body for the admin Jira account (or `over`). */
    jiraBody: (over: Record<string, unknown> = {}) => ({
      baseUrl: jira.url,
      email: ADMIN_JIRA.email,
      apiToken: ADMIN_JIRA.token,
      ...over,
    }),
    async close() {
      await goalpost?.close();
      await jira?.close();
    },
  };
}

export type PortfolioWorld = Awaited<ReturnType<typeof startPortfolioWorld>>;

/** Creates a portfolio as `owner` and an initiative in it; returns their ids. */
export async function createPortfolioWithInitiative(world: PortfolioWorld, owner: HttpSession, name: string) {
  const portfolio = await owner.post(`/api/v1/orgs/${world.acmeId}/portfolios`, { name });
  if (portfolio.statusCode !== 201) throw new Error(`portfolio: ${portfolio.body}`);
  const id = portfolio.json().id as string;
  const initiative = await owner.post(`/api/v1/portfolios/${id}/initiatives`, { title: `${name} launch` });
  if (initiative.statusCode !== 201) throw new Error(`initiative: ${initiative.body}`);
  return { portfolioId: id, initiativeId: initiative.json().id as string };
}
