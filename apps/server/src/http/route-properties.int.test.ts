import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Goalpost } from "../start-goalpost.ts";
import { signUpWithOrg } from "../testing/http-session.ts";
import { startTestGoalpost, TEST_PUBLIC_URL } from "../testing/start-test-goalpost.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";
import { arbitraryFor, hostileValue, type JsonSchema } from "./json-schema-arbitrary.ts";

/** Runs per operation: enough to find a 5xx in a field, few enough that the file takes seconds. */
const RUNS = 12;

interface Operation {
  method: string;
  path: string;
  body?: JsonSchema;
  query: { name: string; schema: JsonSchema }[];
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: { content?: { "application/json"?: { schema?: JsonSchema } } };
        parameters?: { in: string; name: string; schema?: JsonSchema }[];
      }
    >
  >;
  components: { schemas: Record<string, JsonSchema> };
}

/**
 * Property tests over every operation of the OpenAPI document: a body and a query generated from the
 * operation's own schemas (mostly valid, sometimes hostile in one place) never get a 5xx; a refused request
 * (4xx) names the field when validation refused it, and has written nothing (every table's row count as
 * before).
 */
describe.each(TEST_ENGINES)("every route's body and query, generated from its schemas, on %s", (engine) => {
  let goalpost: Goalpost;
  let cookie: string;
  let document: OpenApiDocument;
  let operations: Operation[] = [];
  /** Ids of the fixture's objects by path parameter, so generated requests reach the use cases. */
  const ids: Record<string, string[]> = {};
  let countsSql = "";

  async function rowCounts(): Promise<Record<string, number>> {
    const result = (await goalpost.database.db.execute(sql.raw(countsSql))) as unknown as {
      rows: Record<string, number>[];
    };
    return result.rows[0] ?? {};
  }

  beforeAll(async () => {
    goalpost = await startTestGoalpost(engine);
    const ada = await signUpWithOrg(goalpost.app, { name: "Ada", email: "ada@props.test", orgName: "Props" });
    cookie = [...ada.session.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const s = ada.session;
    const period = (await s.get(`/api/v1/orgs/${ada.orgId}/periods`)).json().items[0].id as string;
    const objective = (
      await s.post(`/api/v1/orgs/${ada.orgId}/objectives`, { title: "O", periodId: period })
    ).json().id as string;
    const keyResult = (
      await s.post(`/api/v1/objectives/${objective}/key-results`, {
        title: "K",
        measure: { kind: "percent" },
      })
    ).json().id as string;
    const portfolio = (await s.post(`/api/v1/orgs/${ada.orgId}/portfolios`, { name: "P" })).json()
      .id as string;
    const initiative = (await s.post(`/api/v1/portfolios/${portfolio}/initiatives`, { title: "I" })).json()
      .id as string;
    ids.orgId = [ada.orgId];
    ids.userId = [ada.userId];
    ids.id = [period, objective, keyResult, portfolio, initiative];

    document = (
      await goalpost.app.inject({ method: "GET", url: "/api/openapi.json" })
    ).json() as OpenApiDocument;
    operations = Object.entries(document.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => {
        const body = op.requestBody?.content?.["application/json"]?.schema;
        return {
          method: method.toUpperCase(),
          path,
          ...(body ? { body } : {}),
          query: (op.parameters ?? [])
            .filter((p) => p.in === "query")
            .map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        };
      }),
    );
    const tables = (await goalpost.database.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    )) as unknown as { rows: { table_name: string }[] };
    // rate_limits counts attempts (it must grow on refused sign-ups too).
    countsSql = `select ${tables.rows
      .filter((t) => t.table_name !== "rate_limits")
      .map((t) => `(select count(*)::int from "${t.table_name}") as "${t.table_name}"`)
      .join(", ")}`;
  });
  afterAll(async () => goalpost?.close());

  it("never answers 5xx; a validation refusal names the field; a refused write writes nothing", async () => {
    const generated = operations.filter((op) => op.body || op.query.length > 0);
    expect(generated.length).toBeGreaterThan(30);
    const failures: string[] = [];
    let sent = 0;
    for (const operation of generated) {
      const paramNames = [...operation.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "");
      const pathArb = fc.record(
        Object.fromEntries(
          paramNames.map((name) => [
            name,
            fc.oneof(
              { arbitrary: fc.constantFrom(...(ids[name] ?? ids.id ?? ["x"])), weight: 4 },
              { arbitrary: fc.uuid(), weight: 1 },
            ),
          ]),
        ),
      );
      const queryArb = fc.record(
        Object.fromEntries(
          operation.query.map((q) => [
            q.name,
            fc.oneof(arbitraryFor(q.schema, document.components.schemas), hostileValue),
          ]),
        ),
        { requiredKeys: [] },
      );
      const bodyArb = operation.body
        ? fc.oneof(
            { arbitrary: arbitraryFor(operation.body, document.components.schemas), weight: 8 },
            { arbitrary: hostileValue, weight: 1 },
          )
        : fc.constant(undefined);
      await fc.assert(
        fc.asyncProperty(pathArb, queryArb, bodyArb, async (params, query, body) => {
          const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) =>
            encodeURIComponent(String((params as Record<string, string>)[name])),
          );
          const search = new URLSearchParams();
          for (const [name, value] of Object.entries(query as Record<string, unknown>)) {
            search.set(name, typeof value === "string" ? value : JSON.stringify(value));
          }
          const url = `${path}${search.size > 0 ? `?${search}` : ""}`;
          const before = await rowCounts();
          sent += 1;
          const response = await goalpost.app.inject({
            method: operation.method as "POST",
            url,
            remoteAddress: `10.1.${Math.floor(sent / 250) % 250}.${sent % 250}`,
            headers: {
              cookie,
              origin: TEST_PUBLIC_URL,
              ...(body === undefined ? {} : { "content-type": "application/json" }),
            },
            ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
          });
          const where = `${operation.method} ${url} ${JSON.stringify(body)?.slice(0, 300)} → ${response.statusCode} ${response.body.slice(0, 300)}`;
          if (response.statusCode >= 500) {
            failures.push(where);
            return;
          }
          if (response.statusCode >= 400 && response.statusCode !== 404) {
            const error = (response.json() as { error?: { code?: string; details?: { fields?: object } } })
              .error;
            if (
              error?.code === "validation_failed" &&
              Object.keys(error.details?.fields ?? {}).length === 0
            ) {
              failures.push(`no field named: ${where}`);
            }
          }
          if (response.statusCode >= 400) {
            const after = await rowCounts();
            if (JSON.stringify(after) !== JSON.stringify(before)) {
              const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
              failures.push(`half-written (${changed.join(", ")}): ${where}`);
            }
          }
        }),
        { numRuns: RUNS, seed: 12, endOnFailure: true },
      );
    }
    expect(failures).toEqual([]);
  });
});
