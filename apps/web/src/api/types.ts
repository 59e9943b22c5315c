/** Role of a user inside an organisation. */
export type Role = "admin" | "member";

/** The signed-in user. */
export interface User {
  id: string;
  name: string;
  email: string;
}

/** An organisation the user belongs to, with their role in it. */
export interface OrgMembership {
  id: string;
  name: string;
  role: Role;
}

/** `GET /api/v1/me`. */
export interface Me {
  user: User;
  orgs: OrgMembership[];
}

/** Cursor-paginated list envelope. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A member of an organisation. */
export interface Member {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: string;
}

/** A pending invite link. */
export interface Invite {
  id: string;
  role: Role;
  email: string | null;
  url: string;
  expiresAt: string;
  createdAt: string;
}

/** Invite as returned on creation (includes the raw token). */
export interface CreatedInvite extends Invite {
  token: string;
  /** Whether the link was e-mailed to `email` (the server has SMTP configured). */
  emailed?: boolean;
}

/** Public information about an invite token. */
export interface InviteInfo {
  orgName: string;
  role: Role;
  expiresAt: string;
}

/** A personal API token (without its secret). */
export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** Token as returned on creation: `token` is shown once. */
export interface CreatedApiToken {
  id: string;
  name: string;
  token: string;
  createdAt: string;
}
