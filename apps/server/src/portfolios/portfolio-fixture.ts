import { type HttpSession, joinOrg, signUpWithOrg } from "../testing/http-session.ts";
import type { TestDeployment } from "../testing/jira-deployments.ts";
import { startJiraWorld } from "../testing/jira-world.ts";

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
 * The portfolio test world on `engine` and `deployment` (Cloud by default), started through the one harness
 * (`startJiraWorld`): the demo Jira site on a real port, Goalpost allowed to reach it, org "Acme" with its
 * admin Ada, and org "Partner" with its admin Pia. No organisation connection: portfolios bring their own.
 */
export async function startPortfolioWorld(engine: "pglite" | "postgres", deployment?: TestDeployment) {
  const world = await startJiraWorld(engine, {
    ...(deployment ? { deployment } : {}),
    emulator: { users: [ADMIN_JIRA] },
    jira: { timeoutMs: 3000, retry: { maxAttempts: 1 } },
    connection: false,
  });
  const { jira, goalpost } = world;
  const partner = await signUpWithOrg(goalpost.app, {
    name: "Pia",
    email: "pia@partner.test",
    orgName: "Partner",
  });
  const ada: Person = { session: world.admin.session, id: world.admin.userId };
  const pia: Person = { session: partner.session, id: partner.userId };
  const acme = world.admin;

  return {
    jira,
    goalpost,
    deployment: world.deployment,
    ada,
    pia,
    acmeId: acme.orgId,
    partnerId: partner.orgId,
    joinAcme: (name: string): Promise<Person> => joinOrg(goalpost.app, ada.session, acme.orgId, { name }),
    joinPartner: (name: string): Promise<Person> =>
      joinOrg(goalpost.app, pia.session, partner.orgId, { name }),
    /**
     * The portfolio's own-credentials body for `user` (the admin Jira account by default) on this world's
     * deployment — Cloud: e-mail and API token; Data Center: a personal access token — plus `over`.
     */
    jiraBody: (over: Record<string, unknown> = {}, user: { email: string; token: string } = ADMIN_JIRA) =>
      world.connectionBody(over, user),
    close: world.close,
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
