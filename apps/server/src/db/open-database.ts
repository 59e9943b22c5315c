import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import type { DatabaseConfig } from "../config/config.ts";
import { lockDataDir } from "./data-dir-lock.ts";
import type { Database, Db } from "./database.ts";
import * as schema from "./schema/index.ts";

/**
 * Opens the configured database: PGlite in a locked folder (or in memory for `dataDir: ":memory:"`),
 * or a PostgreSQL pool.
 */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  // Query observers (tests count the queries of a request with them); none in production.
  const listeners = new Set<(sql: string) => void>();
  const logger = {
    logQuery(query: string) {
      for (const listener of listeners) listener(query);
    },
  };
  const observeQueries = (listener: (sql: string) => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };
  if (config.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: config.url, max: 10 });
    pool.on("error", () => {
      // An idle client lost its connection; the pool replaces it on next use.
    });
    const db = drizzleNodePg({ client: pool, schema, logger }) as unknown as Db;
    return {
      kind: "postgres",
      db,
      client: pool,
      url: config.url,
      observeQueries,
      close: () => pool.end(),
    };
  }
  const inMemory = config.dataDir === ":memory:";
  const release = inMemory ? async () => {} : await lockDataDir(config.dataDir);
  try {
    const client = await PGlite.create(inMemory ? undefined : `${config.dataDir}/pglite`);
    const db = drizzlePglite({ client, schema, logger }) as unknown as Db;
    return {
      kind: "pglite",
      db,
      client,
      observeQueries,
      close: async () => {
        await client.close();
        await release();
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}
