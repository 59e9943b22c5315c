import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Goalpost } from "../start-goalpost.ts";
import { signUpWithOrg } from "../testing/http-session.ts";
import { startTestGoalpost } from "../testing/start-test-goalpost.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";

/** Hostile values for path parameters. */
const HOSTILE_IDS = [
  "00000000-0000-0000-0000-000000000000",
  "' OR 1=1 --",
  "..%2F..%2Fetc%2Fpasswd",
  "%00",
  "x".repeat(290),
  "%F0%9F%92%A5",
  "-1",
  "1e309",
];

/** Hostile request bodies (raw JSON text). */
const HOSTILE_BODIES = [
  "{}",
  "[]",
  "null",
  '"text"',
  "12",
  '{"title": {"$gt": ""}, "name": ["a"], "jql": 5, "limit": -1}',
  `{"title": "${"x".repeat(20_000)}", "jql": "${"(".repeat(3000)}"}`,
  '{"__proto__": {"admin": true}, "constructor": {"prototype": {"admin": true}}}',
  JSON.stringify({ a: JSON.parse(`${"[".repeat(200)}${"]".repeat(200)}`) }),
  '{"measure": {"kind": "kpi", "start": 1e308, "target": -1e308}, "weight": 1e308}',
];

const HOSTILE_QUERIES = [
  "?limit=-5",
  "?limit=abc&cursor=%00",
  "?cursor=eyJ4IjoxfQ",
  "?periodId[]=1&status=nope",
];

describe.each(TEST_ENGINES)("every API route under hostile input on %s", (engine) => {
  let goalpost: Goalpost;
  let cookie: string;
  const routes: { method: string; path: string }[] = [];
  /** Ids of real objects, so hostile bodies also reach the use cases behind the validation. */
  const realIds: string[] = [];

  beforeAll(async () => {
    goalpost = await startTestGoalpost(engine);
    const { session } = await signUpWithOrg(goalpost.app, {
      name: "Ada",
      email: "ada@fuzz.test",
      orgName: "Fuzz",
    });
    cookie = [...session.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const document = (await goalpost.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    for (const [path, operations] of Object.entries(document.paths)) {
      if (!path.startsWith("/api/v1/")) continue;
      for (const method of Object.keys(operations)) routes.push({ method: method.toUpperCase(), path });
    }
  });
  afterAll(async () => goalpost?.close());

  it("never answers 500, whatever the path parameters, query or body", async () => {
    expect(routes.length).toBeGreaterThan(30);
    const failures: string[] = [];
    // Deletions last, so the real objects live through every other call.
    const ordered = [...routes].sort((a, b) => Number(a.method === "DELETE") - Number(b.method === "DELETE"));
    for (const { method, path } of ordered) {
      for (const id of [...HOSTILE_IDS, ...realIds]) {
        const url = path.replace(/\{\w+\}/g, id);
        const bodies = method === "GET" || method === "DELETE" ? [undefined] : HOSTILE_BODIES;
        for (const payload of bodies) {
          for (const query of method === "GET" ? ["", ...HOSTILE_QUERIES] : [""]) {
            const response = await goalpost.app.inject({
              method: method as "GET",
              url: `${url}${query}`,
              headers: {
                cookie,
                origin: "http://goalpost.test",
                ...(payload === undefined ? {} : { "content-type": "application/json" }),
              },
              ...(payload === undefined ? {} : { payload }),
            });
            if (response.statusCode >= 500)
              failures.push(
                `${method} ${url}${query} ${payload ?? ""}`.slice(0, 200) +
                  ` → ${response.statusCode} ${response.body.slice(0, 200)}`,
              );
            else if (response.statusCode >= 400) {
              const body = response.json() as { error?: { code?: string; message?: string } };
              if (!body.error?.code || !body.error.message)
                failures.push(`${method} ${url}: no error envelope: ${response.body.slice(0, 200)}`);
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
