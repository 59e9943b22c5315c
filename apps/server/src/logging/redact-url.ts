/** Path segments that follow these prefixes are secrets (invite tokens: API and web page) and never reach the logs. */
const SECRET_SEGMENT_AFTER = /^(\/api\/v1\/invites\/|\/invite\/)[^/?#]+/;

/**
 * A request URL fit for logs: the query string dropped (it may carry anything) and invite tokens masked.
 * @example redactUrl("/api/v1/invites/gpi_abc/accept?x=1") // "/api/v1/invites/[redacted]/accept"
 */
export function redactUrl(url: string): string {
  const path = url.split("?")[0] ?? url;
  return path.replace(SECRET_SEGMENT_AFTER, "$1[redacted]");
}
