import type { OrgRole } from "@goalpost/domain";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/database.ts";
import { preparedStatement } from "../db/prepared-statement.ts";
import { memberships, organizations, users } from "../db/schema/index.ts";
import type { CursorPosition } from "../paging/cursor.ts";
import { keysetClause } from "../paging/keyset-clause.ts";

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: OrgRole;
  joinedAt: Date;
}

const memberColumns = {
  userId: users.id,
  name: users.name,
  email: users.email,
  role: memberships.role,
  joinedAt: memberships.createdAt,
};

/** The caller's role in `orgId`, or null when not a member. */
export async function findRole(db: Db | Tx, orgId: string, userId: string): Promise<OrgRole | null> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return row?.role ?? null;
}

/** The organisations a user belongs to, oldest membership first (every `GET /me`: a prepared statement). */
export async function listUserOrgs(db: Db, userId: string) {
  return userOrgsQuery(db).execute({ userId });
}

const userOrgsQuery = preparedStatement((db) =>
  db
    .select({ id: organizations.id, name: organizations.name, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(memberships.userId, sql.placeholder("userId")))
    .orderBy(asc(memberships.createdAt), asc(organizations.id))
    .prepare("list_user_orgs"),
);

/** One page of an organisation's members in join order. */
export async function listMembers(db: Db, orgId: string, limit: number, after: CursorPosition | null) {
  const afterClause = keysetClause(memberships.createdAt, memberships.userId, after, "asc");
  return db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), afterClause))
    .orderBy(asc(memberships.createdAt), asc(memberships.userId))
    .limit(limit + 1);
}

/** Roles of every member of the organisation, locked for update so concurrent role changes serialise. */
export async function lockOrgRoles(tx: Tx, orgId: string): Promise<{ userId: string; role: OrgRole }[]> {
  return tx
    .select({ userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.orgId, orgId))
    .for("update");
}

/** One member with their user details, or null. */
export async function findMember(db: Db | Tx, orgId: string, userId: string): Promise<MemberRow | null> {
  const [row] = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return row ?? null;
}
