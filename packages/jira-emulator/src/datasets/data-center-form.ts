/**
 * Puts a loaded dataset in the form a Jira Data Center site has: only company-managed ("classic") projects,
 * no "Story point estimate" field (story points are the float custom field "Story Points"), and epics hold
 * their issues by the "Epic Link" custom field — `parent` is only a sub-task's parent.
 */
import type { SiteStore } from "../store/site-store.ts";
import { CF } from "./field-catalog.ts";

/** Rewrites `store` in place. */
export function toDataCenterForm(store: SiteStore): void {
  for (const project of store.projects.values()) project.style = "classic";
  const index = store.fields.findIndex((field) => field.id === CF.storyPointEstimate);
  if (index >= 0) store.fields.splice(index, 1);
  for (const issue of store.issues.values()) {
    const estimate = issue.fields[CF.storyPointEstimate];
    if (estimate !== undefined) {
      if (issue.fields[CF.storyPoints] === undefined || issue.fields[CF.storyPoints] === null)
        issue.fields[CF.storyPoints] = estimate;
      delete issue.fields[CF.storyPointEstimate];
    }
    const parent = issue.fields.parent as
      | { id?: string; key?: string; fields?: { issuetype?: { hierarchyLevel?: number } } }
      | undefined;
    if (parent?.fields?.issuetype?.hierarchyLevel !== 1) continue;
    if (typeof parent.key === "string" && (issue.fields[CF.epicLink] ?? null) === null)
      issue.fields[CF.epicLink] = parent.key;
    delete issue.fields.parent;
    if (typeof parent.id === "string") store.childrenByParent.get(parent.id)?.delete(issue.id);
  }
  store.revision += 1;
}
