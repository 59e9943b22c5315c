import type { ResponseBody, Schemas } from "./schema";

/** Role of a user inside an organisation. */
export type Role = Schemas["Member"]["role"];

/** The signed-in user. */
export type User = Schemas["User"];

/** `GET /api/v1/me`. */
export type Me = Schemas["Me"];

/** An organisation the user belongs to, with their role in it. */
export type OrgMembership = Me["orgs"][number];

/** Cursor-paginated list envelope. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A member of an organisation. */
export type Member = Schemas["Member"];

/** A pending invite link. */
export type Invite = Schemas["Invite"];

/** Invite as returned on creation (includes the raw token, and whether it was e-mailed). */
export type CreatedInvite = ResponseBody<"/api/v1/orgs/{orgId}/invites", "post">;

/** Public information about an invite token. */
export type InviteInfo = ResponseBody<"/api/v1/invites/{token}", "get">;

/** A personal API token (without its secret). */
export type ApiToken = Schemas["ApiToken"];

/** Token as returned on creation: `token` is shown once. */
export type CreatedApiToken = Schemas["CreatedApiToken"];
