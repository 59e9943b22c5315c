/**
 * Plays a plausible history onto an issue: assignment, transitions through the workflow towards a target
 * status, and worklogs while in progress. Everything goes through the store's writers, so the changelog,
 * `updated`, resolution and time tracking are exactly what the REST write endpoints would produce.
 */
import { statusValue, userValue } from "../store/field-values.ts";
import { updateIssue } from "../store/issue-writer.ts";
import type { SiteStore } from "../store/site-store.ts";
import type { SiteProject, SiteStatus, SiteUser, StoredIssue } from "../store/types.ts";
import { logWork } from "../store/worklog-writer.ts";
import type { Random } from "./random.ts";

const HOUR = 3_600_000;

/** Inputs of {@link playHistory}. */
export interface HistoryPlan {
  issue: StoredIssue;
  project: SiteProject;
  /** Final status; intermediate statuses are visited on the way. */
  target: SiteStatus;
  assignee: SiteUser | null;
  actors: readonly SiteUser[];
  from: Date;
  until: Date;
  /** Log work while in progress. */
  logWork: boolean;
}

/** Applies the plan's events in time order. */
export function playHistory(store: SiteStore, rnd: Random, plan: HistoryPlan): void {
  const { issue, project, target } = plan;
  const statuses = project.statusIds
    .map((id) => store.statuses.get(id))
    .filter((s): s is SiteStatus => s !== undefined);
  const path: SiteStatus[] = [];
  if (target.categoryKey !== "new") {
    const progress = statuses.filter((s) => s.categoryKey === "indeterminate");
    const first = progress[0];
    if (first !== undefined) path.push(first);
    const review = progress[1];
    if (review !== undefined && rnd.chance(0.5) && review.id !== target.id) path.push(review);
    if (!path.some((s) => s.id === target.id)) path.push(target);
  } else if ((issue.fields.status as { id?: string }).id !== target.id) {
    path.push(target);
  }
  const span = Math.max(plan.until.getTime() - plan.from.getTime(), HOUR);
  let at = plan.from.getTime() + rnd.int(1, Math.max(1, Math.floor(span / (path.length + 2) / HOUR))) * HOUR;
  const step = () => {
    at = Math.min(
      plan.until.getTime() - 60_000,
      at + rnd.int(2, Math.max(3, Math.floor(span / (path.length + 2) / HOUR))) * HOUR,
    );
    return new Date(at);
  };
  if (plan.assignee !== null) {
    updateIssue(store, issue, { assignee: userValue(plan.assignee) }, rnd.pick(plan.actors), new Date(at));
  }
  for (const status of path) {
    const when = step();
    updateIssue(store, issue, { status: statusValue(status) }, plan.assignee ?? rnd.pick(plan.actors), when);
    if (plan.logWork && status.categoryKey === "indeterminate" && plan.assignee !== null) {
      const sessions = rnd.int(1, 3);
      for (let i = 0; i < sessions; i++) {
        const started = new Date(Math.min(plan.until.getTime() - 60_000, at + rnd.int(1, 20) * HOUR));
        at = started.getTime();
        logWork(store, issue, {
          author: plan.assignee,
          started,
          timeSpentSeconds: rnd.int(1, 12) * 1800,
          at: started,
        });
      }
    }
  }
}
