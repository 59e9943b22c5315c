import type { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Pool } from "pg";
import type * as schema from "./schema/index.ts";

/** The Drizzle database, the same type on both engines. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A Drizzle transaction on either engine. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Calls `listener` with the SQL of every query sent through Drizzle until the returned function is called. */
export type ObserveQueries = (listener: (sql: string) => void) => () => void;

/** An open database: Drizzle plus the engine's own client (pg-boss shares it). */
export type Database =
  | { kind: "pglite"; db: Db; client: PGlite; observeQueries: ObserveQueries; close(): Promise<void> }
  | {
      kind: "postgres";
      db: Db;
      client: Pool;
      url: string;
      observeQueries: ObserveQueries;
      close(): Promise<void>;
    };
