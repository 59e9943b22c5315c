import { randomBytes } from "node:crypto";
import pg from "pg";
import { testDatabaseUrl } from "../config/read-environment.ts";

/** The engines integration tests run on: PGlite always, PostgreSQL when `TEST_DATABASE_URL` is set. */
export const TEST_ENGINES: readonly ("pglite" | "postgres")[] = testDatabaseUrl()
  ? ["pglite", "postgres"]
  : ["pglite"];

/**
 * A fresh, empty PostgreSQL database on the `TEST_DATABASE_URL` server, so test files never see each
 * other's rows; `drop` removes it.
 */
export async function createScratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = testDatabaseUrl();
  if (!serverUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `goalpost_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Whether `TEST_DATABASE_URL` names a PostgreSQL server (tests of several processes need one). */
export function testDatabaseAvailable(): boolean {
  return testDatabaseUrl() !== undefined;
}
