/** TanStack Query keys, centralised so invalidation stays consistent. */
export const queryKeys = {
  me: ["me"] as const,
  members: (orgId: string) => ["orgs", orgId, "members"] as const,
  invites: (orgId: string) => ["orgs", orgId, "invites"] as const,
  inviteInfo: (token: string) => ["invite-info", token] as const,
  tokens: ["me", "tokens"] as const,
  portfolios: (orgId: string) => ["orgs", orgId, "portfolios"] as const,
  portfolio: (id: string) => ["portfolios", id] as const,
  portfolioMembers: (id: string) => ["portfolios", id, "members"] as const,
  initiatives: (portfolioId: string) => ["portfolios", portfolioId, "initiatives"] as const,
  initiative: (id: string) => ["initiatives", id] as const,
  initiativeEpics: (id: string) => ["initiatives", id, "epics"] as const,
  portfolioJira: (id: string) => ["portfolios", id, "jira"] as const,
  linkedProjects: (id: string) => ["portfolios", id, "jira", "projects"] as const,
};
