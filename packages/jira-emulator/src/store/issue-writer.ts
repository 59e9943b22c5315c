/**
 * Creating and changing issues the way Jira does: keys from the project counter, default fields, status side
 * effects (category, resolution), derived time tracking, `updated`, and a changelog history per write.
 */
import { changeItems } from "./change-items.ts";
import { issueTypeValue, projectValue, resolutionValue, statusValue, userValue } from "./field-values.ts";
import { formatJiraDateTime } from "./jira-format.ts";
import { isSubtask, parentIdOf, type SiteStore } from "./site-store.ts";
import { applyTimeTracking } from "./time-tracking.ts";
import type {
  ChangelogHistory,
  ChangelogItem,
  SiteIssueType,
  SiteProject,
  SiteStatus,
  SiteUser,
  StoredIssue,
} from "./types.ts";

type Obj = Record<string, unknown>;

/** What is needed to create an issue; `fields` holds further values in stored (REST v3) shape. */
export interface IssueDraft {
  project: SiteProject;
  issueType: SiteIssueType;
  summary: string;
  reporter: SiteUser | null;
  at: Date;
  status?: SiteStatus;
  fields?: Obj;
  /** Force an id (datasets); otherwise the next issue id. */
  id?: string;
}

const EMPTY: readonly never[] = Object.freeze([]);

/** Creates an issue, indexes it and returns it (no changelog entry: creation is not a change in Jira). */
export function createIssue(store: SiteStore, draft: IssueDraft): StoredIssue {
  const { project, issueType, at } = draft;
  const status = draft.status ?? firstStatus(store, project);
  project.lastIssueNumber += 1;
  const id = draft.id ?? String(store.nextId("issue"));
  const created = formatJiraDateTime(at);
  const reporter = draft.reporter === null ? null : userValue(draft.reporter);
  const fields: Obj = {
    statuscategorychangedate: created,
    issuetype: issueTypeValue(issueType),
    components: EMPTY,
    timespent: null,
    timeoriginalestimate: null,
    project: projectValue(project),
    description: null,
    fixVersions: EMPTY,
    statusCategory: statusValue(status).statusCategory,
    resolution: null,
    security: null,
    resolutiondate: null,
    workratio: -1,
    summary: draft.summary,
    lastViewed: null,
    creator: reporter,
    created,
    reporter,
    priority: null,
    labels: EMPTY,
    environment: null,
    timeestimate: null,
    versions: EMPTY,
    duedate: null,
    issuelinks: EMPTY,
    assignee: null,
    updated: created,
    status: statusValue(status),
    customfield_10014: null,
    customfield_10016: null,
    customfield_10020: null,
    customfield_10019: `0|i${id.padStart(5, "0")}:`,
    ...draft.fields,
  };
  if (status.categoryKey === "done" && fields.resolution === null) {
    fields.resolution = doneResolution(store);
    fields.resolutiondate = created;
  }
  const issue: StoredIssue = {
    id,
    key: `${project.key}-${project.lastIssueNumber}`,
    projectId: project.id,
    fields,
    changelog: [],
  };
  store.insertIssue(issue);
  refreshTimeTracking(store, issue);
  return issue;
}

/**
 * Applies field changes (stored shape), records one changelog history with an item per changed field, updates
 * `updated` and the derived fields. Returns the history, or `undefined` when nothing changed.
 */
export function updateIssue(
  store: SiteStore,
  issue: StoredIssue,
  changes: Obj,
  author: SiteUser | null,
  at: Date,
  extraItems: ChangelogItem[] = [],
): ChangelogHistory | undefined {
  const items: ChangelogItem[] = [];
  const when = formatJiraDateTime(at);
  for (const [fieldId, after] of Object.entries(changes)) {
    const before = issue.fields[fieldId] ?? null;
    if (JSON.stringify(before) === JSON.stringify(after ?? null)) continue;
    if (fieldId === "status") applyStatusSideEffects(store, issue, after as Obj, when, items);
    if (fieldId === "parent") moveParent(store, issue, after);
    items.push(...changeItems(fieldId, store.findField(fieldId), before, after));
    issue.fields[fieldId] = after ?? null;
  }
  items.push(...extraItems);
  if (items.length === 0) return undefined;
  store.revision += 1;
  issue.fields.updated = when;
  refreshTimeTracking(store, issue);
  const history: ChangelogHistory = {
    id: String(store.nextId("changelog")),
    author: author === null ? null : (userValue(author) as ChangelogHistory["author"]),
    created: when,
    items,
  };
  issue.changelog.push(history);
  return history;
}

function applyStatusSideEffects(
  store: SiteStore,
  issue: StoredIssue,
  status: Obj,
  when: string,
  items: ChangelogItem[],
): void {
  const before = issue.fields.statusCategory as { key?: string } | undefined;
  const category = status.statusCategory as { key?: string };
  if (before?.key !== category.key) {
    issue.fields.statusCategory = category;
    issue.fields.statuscategorychangedate = when;
  }
  const resolution = issue.fields.resolution;
  if (category.key === "done" && resolution === null) {
    const done = doneResolution(store);
    items.push(...changeItems("resolution", undefined, null, done));
    issue.fields.resolution = done;
    issue.fields.resolutiondate = when;
  } else if (category.key !== "done" && resolution !== null) {
    items.push(...changeItems("resolution", undefined, resolution, null));
    issue.fields.resolution = null;
    issue.fields.resolutiondate = null;
  }
}

function moveParent(store: SiteStore, issue: StoredIssue, after: unknown): void {
  const oldParent = parentIdOf(issue);
  if (oldParent !== undefined) store.childrenByParent.get(oldParent)?.delete(issue.id);
  const newParent = (after as { id?: unknown } | null)?.id;
  if (typeof newParent === "string") store.linkChild(newParent, issue.id);
}

/** Recomputes derived time fields of the issue and, for a sub-task, its parent's aggregates. */
export function refreshTimeTracking(store: SiteStore, issue: StoredIssue): void {
  const subtasks = store.childrenOf(issue.id).filter(isSubtask);
  applyTimeTracking(
    issue.fields,
    subtasks.map((s) => s.fields),
  );
  const parentId = parentIdOf(issue);
  if (parentId !== undefined && isSubtask(issue)) {
    const parent = store.issues.get(parentId);
    if (parent !== undefined) {
      applyTimeTracking(
        parent.fields,
        store
          .childrenOf(parentId)
          .filter(isSubtask)
          .map((s) => s.fields),
      );
    }
  }
}

function firstStatus(store: SiteStore, project: SiteProject): SiteStatus {
  for (const id of project.statusIds) {
    const status = store.statuses.get(id);
    if (status !== undefined) return status;
  }
  throw new Error(`Project ${project.key} has no workflow statuses`);
}

function doneResolution(store: SiteStore): Obj {
  const done = store.resolutions.find((r) => r.name === "Done") ?? store.resolutions[0];
  return done === undefined ? { id: "10000", name: "Done", description: "" } : resolutionValue(done);
}
