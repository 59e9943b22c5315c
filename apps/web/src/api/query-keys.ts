/** TanStack Query keys, centralised so invalidation stays consistent. */
export const queryKeys = {
  me: ["me"] as const,
  members: (orgId: string) => ["orgs", orgId, "members"] as const,
  invites: (orgId: string) => ["orgs", orgId, "invites"] as const,
  inviteInfo: (token: string) => ["invite-info", token] as const,
  tokens: ["me", "tokens"] as const,
};
