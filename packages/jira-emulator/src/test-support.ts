/** Helpers for the package's tests: a demo emulator with a frozen clock and authenticated JSON calls. */
import { createJiraEmulator, type JiraEmulator, type JiraEmulatorOptions } from "./emulator.ts";

/** The fixed "today" of test datasets. */
export const TEST_ANCHOR = new Date("2026-11-02T00:00:00.000Z");

/** Creates an in-process demo emulator with `ada@example.com:token123` as site admin. */
export function demoEmulator(options: JiraEmulatorOptions = {}): Promise<JiraEmulator> {
  return createJiraEmulator({
    dataset: { name: "demo", anchor: TEST_ANCHOR },
    users: [{ email: "ada@example.com", token: "token123" }],
    frozenClock: new Date("2026-11-02T09:00:00.000Z"),
    ...options,
  });
}

/** Basic auth header value for `email:token`. */
export function basic(email: string, token: string): string {
  return `Basic ${Buffer.from(`${email}:${token}`).toString("base64")}`;
}

/** Calls the emulator as a user (basic auth on Cloud, the token as a bearer PAT on Data Center); returns status, headers and parsed JSON (or text). */
export async function call(
  emulator: JiraEmulator,
  method: string,
  path: string,
  options: { body?: unknown; as?: [string, string] | null } = {},
): Promise<{ status: number; headers: Headers; body: unknown }> {
  const as = options.as === undefined ? ["ada@example.com", "token123"] : options.as;
  const headers: Record<string, string> = { accept: "application/json" };
  if (as !== null)
    headers.authorization =
      emulator.deployment === "data-center" ? `Bearer ${as[1] ?? ""}` : basic(as[0] ?? "", as[1] ?? "");
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const response = await emulator.fetch(`${emulator.url}${path}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch {
    // keep text
  }
  return { status: response.status, headers: response.headers, body };
}

/** Reads a nested value: `at(body, "issues", 0, "key")`. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** A nested array (empty when absent). */
export function list(value: unknown, ...path: (string | number)[]): unknown[] {
  const found = at(value, ...path);
  return Array.isArray(found) ? found : [];
}
