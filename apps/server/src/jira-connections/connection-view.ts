import { type ConnectionSharing, type ConnectionViewer, canManageJiraConnection } from "@goalpost/domain";
import type { StoredConnection } from "./connection.repo.ts";

/** Sharing as the API shows it. */
export type SharingView = { kind: "private" } | { kind: "org" } | { kind: "members"; userIds: string[] };

function sharingView(sharing: ConnectionSharing): SharingView {
  return sharing.kind === "members"
    ? { kind: "members", userIds: [...sharing.userIds] }
    : { kind: sharing.kind };
}

/** A connection as the API shows it: never the token. */
export interface ConnectionView {
  id: string;
  orgId: string;
  name: string;
  baseUrl: string;
  /** `cloud` (e-mail + API token) or `dataCenter` (personal access token). */
  deployment: "cloud" | "dataCenter";
  /** Cloud's account e-mail; empty on Data Center. */
  email: string;
  sharing: SharingView;
  createdBy: string | null;
  account: { accountId: string; displayName: string } | null;
  serverTitle: string | null;
  canManage: boolean;
  /** How its syncs go: last success, next one due, and the failure it is in (broken: no call until edited). */
  sync: {
    lastSyncedAt: Date | null;
    nextDueAt: Date | null;
    broken: boolean;
    error: { code: string; message: string; since: Date } | null;
  };
  createdAt: Date;
  updatedAt: Date;
}

/** Presents a stored connection to `viewer`. */
export function connectionView(
  { row, sharing, sync }: StoredConnection,
  viewer: ConnectionViewer,
): ConnectionView {
  return {
    id: row.id,
    orgId: row.orgId,
    name: row.name,
    baseUrl: row.baseUrl,
    deployment: row.deployment,
    email: row.email,
    sharing: sharingView(sharing),
    createdBy: row.createdBy,
    account: row.accountId === null ? null : { accountId: row.accountId, displayName: row.accountName ?? "" },
    serverTitle: row.serverTitle,
    canManage: canManageJiraConnection(viewer, { createdBy: row.createdBy, sharing }),
    sync: {
      lastSyncedAt: sync?.lastSuccessAt ?? null,
      nextDueAt: sync?.nextDueAt ?? null,
      broken: sync?.brokenAt != null,
      error:
        sync?.lastErrorCode && sync.lastErrorMessage
          ? {
              code: sync.lastErrorCode,
              message: sync.lastErrorMessage,
              since: sync.failingSince ?? sync.lastAttemptAt ?? row.updatedAt,
            }
          : null,
    },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
