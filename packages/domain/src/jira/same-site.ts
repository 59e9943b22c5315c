/**
 * Whether two Jira base URLs address the same site: same scheme, host and port (a path such as a Data Center
 * context path, letter case of the host and a default port do not make another site). A stored secret is only
 * ever sent to the site it was saved for; any other answer here means the secret must be given again.
 * An unparsable URL is never the same site.
 */
export function isSameJiraSite(saved: string, next: string): boolean {
  const a = originOf(saved);
  const b = originOf(next);
  return a !== null && a === b;
}

function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    return url.origin;
  } catch {
    return null;
  }
}
