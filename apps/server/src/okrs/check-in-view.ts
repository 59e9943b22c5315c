import type { CheckInWithAuthor } from "./okr.repo.ts";

/** A check-in as the API shows it. */
export interface CheckInView {
  id: string;
  /** `rollup`: a derived point of an objective that rolls up from its key results (not stored). */
  source: "jira" | "manual" | "rollup";
  author: { id: string; name: string } | null;
  value: number | null;
  progress: number | null;
  issueCount: number | null;
  doneCount: number | null;
  note: string;
  createdAt: Date;
}

/** Presents a check-in ("Jira" ones have no author). */
export function checkInView(row: CheckInWithAuthor): CheckInView {
  return {
    id: row.id,
    source: row.source,
    author: row.authorId ? { id: row.authorId, name: row.authorName ?? "" } : null,
    value: row.value,
    progress: row.progress,
    issueCount: row.issueCount,
    doneCount: row.doneCount,
    note: row.note,
    createdAt: row.createdAt,
  };
}
