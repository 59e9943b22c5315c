import type { Db } from "./database.ts";

/**
 * A statement built once per database and reused: `build` makes a Drizzle prepared query (placeholders for
 * its inputs, a name unique to its SQL). Each request then skips building the SQL (about a sixth of the
 * server's CPU on a cached key result read) and, on PostgreSQL, the server parses and plans it once per
 * connection instead of once per request. For the hottest reads only: every request's access check.
 */
export function preparedStatement<T>(build: (db: Db) => T): (db: Db) => T {
  const byDb = new WeakMap<Db, T>();
  return (db) => {
    let statement = byDb.get(db);
    if (statement === undefined) {
      statement = build(db);
      byDb.set(db, statement);
    }
    return statement;
  };
}
