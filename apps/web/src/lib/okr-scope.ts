/** What every OKR view needs to know about who is looking and where. */
export interface OkrScope {
  orgId: string;
  orgName: string;
  isAdmin: boolean;
  currentUserId: string;
  /** Member names by user id. */
  people: ReadonlyMap<string, string>;
}

/** The owner's name, "No owner", or "Former member" for an id no longer in the organisation. */
export function ownerName(scope: OkrScope, ownerId: string | null): string {
  if (!ownerId) return "No owner";
  return scope.people.get(ownerId) ?? "Former member";
}
