import { DomainError } from "@goalpost/domain";
import { asc, eq } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { jiraConnections, portfolioJiraConfigs, portfolios } from "../db/schema/index.ts";
import { accessConnection } from "./access-connection.ts";

/**
 * Deletes a connection (its creator or an admin); allowed even while the integration is off. A connection
 * that portfolios read their epics through is refused with 409 naming them (`details.portfolios`): their
 * managers switch them to another connection or remove their Jira configuration first — deleting it would
 * silently unlink their projects and epics. A portfolio's own connection is removed with its configuration.
 */
export async function deleteConnection(db: Db, input: { id: string; userId: string }): Promise<void> {
  await accessConnection(db, { ...input, purpose: "manage" });
  await db.transaction(async (tx) => {
    // Locks the connection against a portfolio switching to it meanwhile (save-jira-config.ts takes a share
    // lock on it): the check below then sees every portfolio that reads through it, never a half-made one.
    await tx
      .select({ id: jiraConnections.id })
      .from(jiraConnections)
      .where(eq(jiraConnections.id, input.id))
      .for("update");
    const users = await tx
      .select({ id: portfolios.id, name: portfolios.name })
      .from(portfolioJiraConfigs)
      .innerJoin(portfolios, eq(portfolios.id, portfolioJiraConfigs.portfolioId))
      .where(eq(portfolioJiraConfigs.connectionId, input.id))
      .orderBy(asc(portfolios.name));
    if (users.length > 0) {
      throw new DomainError(
        "conflict",
        `Portfolios read their epics through this connection: ${users.map((p) => p.name).join(", ")}. Switch them to another connection or remove their Jira configuration first.`,
        { portfolios: users },
      );
    }
    await tx.delete(jiraConnections).where(eq(jiraConnections.id, input.id));
  });
}
