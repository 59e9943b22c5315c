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
  objectives: (orgId: string, periodId: string) => ["okrs", "list", orgId, periodId] as const,
  objective: (id: string) => ["okrs", "objective", id] as const,
  keyResult: (id: string) => ["okrs", "key-result", id] as const,
  history: (kind: "key-results" | "objectives", id: string) => ["okrs", "history", kind, id] as const,
  issues: (id: string) => ["okrs", "issues", id] as const,
  jiraIntegration: (orgId: string) => ["orgs", orgId, "jira-integration"] as const,
  jiraConnections: (orgId: string) => ["orgs", orgId, "jira-connections"] as const,
  jiraFields: (connectionId: string) => ["jira-connections", connectionId, "fields"] as const,
};
