import type { OkrViewer } from "@goalpost/domain";

/**
 * What of the caller an answer with `canEdit` flags depends on: admins may edit everything, so they share
 * one answer; anyone else may edit what they own or created, so theirs is their own.
 */
export function viewerKey(viewer: OkrViewer): string {
  return viewer.role === "admin" ? "admin" : `${viewer.role}:${viewer.userId}`;
}
