import type { Db } from "../db/database.ts";
import { accessConnection } from "./access-connection.ts";
import { type ConnectionView, connectionView } from "./connection-view.ts";

/** One connection the caller may see. */
export async function getConnection(db: Db, input: { id: string; userId: string }): Promise<ConnectionView> {
  const found = await accessConnection(db, { ...input, purpose: "read" });
  return connectionView(found, found.viewer);
}
