/** Top-level sections of an organisation. */
export type OrgSection = "goals" | "portfolios" | "jira" | "admin/members";

/** Path of a section inside an organisation. */
export function orgPath(orgId: string, section: OrgSection = "goals"): string {
  return `/o/${encodeURIComponent(orgId)}/${section}`;
}

/** Extracts the org id and the rest of the path from `/o/:orgId/...`, or null for other paths. */
export function parseOrgPath(pathname: string): { orgId: string; rest: string } | null {
  const match = /^\/o\/([^/]+)(\/.*)?$/.exec(pathname);
  if (!match?.[1]) return null;
  let orgId: string;
  try {
    orgId = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  return { orgId, rest: match[2] ?? "" };
}

/**
 * Path for the same section in another organisation: `/o/a/portfolios` → `/o/b/portfolios`.
 * Only the section (first segment) is kept, as ids of deeper resources belong to the old org.
 * Paths outside an org lead to the other org's goals.
 */
export function switchOrgPath(pathname: string, targetOrgId: string): string {
  const parsed = parseOrgPath(pathname);
  if (!parsed) return orgPath(targetOrgId);
  const segments = parsed.rest.split("/").filter(Boolean);
  const [first, second] = segments;
  if (first === "portfolios") return orgPath(targetOrgId, "portfolios");
  if (first === "jira") return orgPath(targetOrgId, "jira");
  if (first === "admin" && second === "members") return orgPath(targetOrgId, "admin/members");
  return orgPath(targetOrgId, "goals");
}

/** Path of an objective's page. */
export function objectivePath(orgId: string, objectiveId: string): string {
  return `${orgPath(orgId)}/objectives/${encodeURIComponent(objectiveId)}`;
}

/** Path of a key result's page. */
export function keyResultPath(orgId: string, keyResultId: string): string {
  return `${orgPath(orgId)}/key-results/${encodeURIComponent(keyResultId)}`;
}
