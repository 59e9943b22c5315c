/** The transitions available from an issue's current status (`GET /issue/{key}/transitions`). */
import { statusValue } from "../store/field-values.ts";
import type { SiteStore } from "../store/site-store.ts";
import type { SiteTransition, StoredIssue } from "../store/types.ts";
import { decorateStatus, type Links } from "./decorate.ts";

/** The project's transitions that lead away from the issue's current status. */
export function availableTransitions(store: SiteStore, issue: StoredIssue): SiteTransition[] {
  const project = store.projects.get(issue.projectId);
  const current = (issue.fields.status as { id?: string } | undefined)?.id;
  return (project?.transitions ?? []).filter((t) => t.toStatusId !== current);
}

/**
 * Renders transitions as Jira does. Real Jira also sends `isLooped`, which neither the spec (it documents `looped`)
 * nor jira.js documents; it is left out so jira.js's strict schema audit reports no drift.
 */
export function renderTransitions(
  store: SiteStore,
  issue: StoredIssue,
  links: Links,
): Record<string, unknown>[] {
  return availableTransitions(store, issue).flatMap((transition) => {
    const status = store.statuses.get(transition.toStatusId);
    if (status === undefined) return [];
    return [
      {
        id: transition.id,
        name: transition.name,
        to: decorateStatus(statusValue(status), links),
        hasScreen: false,
        isGlobal: true,
        isInitial: false,
        isAvailable: true,
        isConditional: false,
      },
    ];
  });
}
