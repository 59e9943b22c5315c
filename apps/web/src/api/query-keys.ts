import type { MeasuredKind } from "../lib/measured-kind";

/** TanStack Query keys, centralised so invalidation stays consistent. */
export const queryKeys = {
  me: ["me"] as const,
  members: (orgId: string) => ["orgs", orgId, "members"] as const,
  memberDirectory: (orgId: string) => ["orgs", orgId, "member-directory"] as const,
  invites: (orgId: string) => ["orgs", orgId, "invites"] as const,
  inviteInfo: (token: string) => ["invite-info", token] as const,
  tokens: ["me", "tokens"] as const,
  periods: (orgId: string) => ["orgs", orgId, "periods"] as const,
  /** Every objective list and item: invalidated together after any OKR change. */
  okrs: ["okrs"] as const,
  /** Every goals list (the goals page's pages, a period's objectives). */
  objectiveLists: ["okrs", "list"] as const,
  objectives: (orgId: string, periodId: string) => ["okrs", "list", orgId, periodId] as const,
  /** A key result or an objective. */
  item: (kind: MeasuredKind, id: string) => ["okrs", kind, id] as const,
  history: (kind: MeasuredKind, id: string) => ["okrs", "history", kind, id] as const,
  issues: (kind: MeasuredKind, id: string) => ["okrs", "issues", kind, id] as const,
  jiraIntegration: (orgId: string) => ["orgs", orgId, "jira-integration"] as const,
  jiraConnections: (orgId: string) => ["orgs", orgId, "jira-connections"] as const,
  jiraFields: (connectionId: string) => ["jira-connections", connectionId, "fields"] as const,
  jiraWebhook: (connectionId: string) => ["jira-connections", connectionId, "webhook"] as const,
  portfolios: (orgId: string) => ["orgs", orgId, "portfolios"] as const,
  portfolio: (id: string) => ["portfolios", id] as const,
  portfolioMembers: (id: string) => ["portfolios", id, "members"] as const,
  initiatives: (portfolioId: string) => ["portfolios", portfolioId, "initiatives"] as const,
  initiative: (id: string) => ["initiatives", id] as const,
  initiativeEpics: (id: string) => ["initiatives", id, "epics"] as const,
  portfolioJira: (id: string) => ["portfolios", id, "jira"] as const,
  linkedProjects: (id: string) => ["portfolios", id, "jira", "projects"] as const,
};
