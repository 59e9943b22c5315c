import type { LinkedProjectRow } from "./portfolio.repo.ts";

/** A linked Jira project as the API shows it. */
export interface LinkedProjectView {
  id: string;
  key: string;
  name: string;
  avatarUrl: string | null;
  /** The project in Jira. */
  url: string;
  /** False when the configured token no longer sees the project; `inaccessibleSince` says since when. */
  accessible: boolean;
  inaccessibleSince: Date | null;
  linkedAt: Date;
}

/** Presents a linked project of the site at `baseUrl`. */
export function linkedProjectView(row: LinkedProjectRow, baseUrl: string): LinkedProjectView {
  return {
    id: row.projectId,
    key: row.projectKey,
    name: row.name,
    avatarUrl: row.avatarUrl,
    url: `${baseUrl}/browse/${encodeURIComponent(row.projectKey)}`,
    accessible: row.inaccessibleSince === null,
    inaccessibleSince: row.inaccessibleSince,
    linkedAt: row.linkedAt,
  };
}
