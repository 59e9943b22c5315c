/** Opaque `nextPageToken`s: base64url of the query fingerprint, offset and issue time (they expire after 7 days). */
import { createHash } from "node:crypto";
import { JiraHttpError } from "../http/respond.ts";

const SEVEN_DAYS = 7 * 86_400_000;

/** The message for a token that is malformed, from another query, or expired. */
export const INVALID_TOKEN_MESSAGE = "The provided next page token is invalid or expired.";

const fingerprint = (jql: string, accountId: string): string =>
  createHash("sha256").update(`${accountId}\u0000${jql}`).digest("base64url").slice(0, 12);

/** Issues a token for the page starting at `offset`. */
export function issuePageToken(jql: string, accountId: string, offset: number, now: Date): string {
  const payload = { q: fingerprint(jql, accountId), o: offset, t: now.getTime() };
  return Buffer.from(JSON.stringify(payload)).toString("base64url");
}

/** Reads a token back into an offset; 400 when invalid, for another query, or older than 7 days. */
export function readPageToken(token: string, jql: string, accountId: string, now: Date): number {
  try {
    const payload = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as {
      q?: unknown;
      o?: unknown;
      t?: unknown;
    };
    if (
      payload.q === fingerprint(jql, accountId) &&
      typeof payload.o === "number" &&
      typeof payload.t === "number" &&
      now.getTime() - payload.t <= SEVEN_DAYS
    ) {
      return payload.o;
    }
  } catch {
    // fall through to the error below
  }
  throw new JiraHttpError(400, [INVALID_TOKEN_MESSAGE]);
}
