/** Projects a stored issue into Jira's `IssueBean` (GET issue, search, bulkfetch, webhooks). */
import { isSubtask, type SiteStore } from "../store/site-store.ts";
import type { StoredIssue } from "../store/types.ts";
import { renderHistory } from "./changelog.ts";
import {
  decorateField,
  decorateIssueType,
  decoratePriority,
  decorateStatus,
  type Links,
} from "./decorate.ts";
import type { FieldSelection } from "./field-selection.ts";
import { renderTransitions } from "./transitions.ts";
import { renderWorklog } from "./worklog.ts";

type Obj = Record<string, unknown>;

const EXPANDABLE = [
  "renderedFields",
  "names",
  "schema",
  "operations",
  "editmeta",
  "changelog",
  "versionedRepresentations",
];

/** Options of {@link renderIssue}. */
export interface RenderOptions {
  store: SiteStore;
  links: Links;
  selection: FieldSelection;
  expand: ReadonlySet<string>;
}

/** The `expand` string an issue carries: what could still be expanded. */
export function issueExpandString(expand: ReadonlySet<string>): string {
  return EXPANDABLE.filter((name) => !expand.has(name)).join(",");
}

/** Parses an `expand` parameter (comma-separated, may repeat). */
export function parseExpand(raw: readonly string[] | string | undefined): Set<string> {
  const list = typeof raw === "string" ? [raw] : (raw ?? []);
  return new Set(
    list
      .flatMap((entry) => entry.split(","))
      .map((e) => e.trim())
      .filter((e) => e !== ""),
  );
}

/** A live reference to another issue: `{id, key, self, fields{summary,status,priority,issuetype}}`. */
export function issueRef(issue: StoredIssue, links: Links): Obj {
  return {
    id: issue.id,
    key: issue.key,
    self: `${links.api}/issue/${issue.id}`,
    fields: {
      summary: issue.fields.summary,
      status: decorateStatus(issue.fields.status, links),
      priority: issue.fields.priority === null ? null : decoratePriority(issue.fields.priority, links),
      issuetype: decorateIssueType(issue.fields.issuetype, links),
    },
  };
}

function computedField(fieldId: string, issue: StoredIssue, options: RenderOptions): unknown {
  const { store, links } = options;
  switch (fieldId) {
    case "parent": {
      const parentId = (issue.fields.parent as { id?: string } | undefined)?.id;
      const parent = parentId === undefined ? undefined : store.issues.get(parentId);
      return parent === undefined ? undefined : issueRef(parent, links);
    }
    case "subtasks":
      return store
        .childrenOf(issue.id)
        .filter(isSubtask)
        .map((child) => issueRef(child, links));
    case "worklog": {
      const worklogs = store.worklogsByIssue.get(issue.id) ?? [];
      return {
        startAt: 0,
        maxResults: 20,
        total: worklogs.length,
        worklogs: worklogs.slice(0, 20).map((w) => renderWorklog(w, store, links)),
      };
    }
    case "comment":
      return {
        comments: [],
        self: `${links.api}/issue/${issue.id}/comment`,
        maxResults: 0,
        total: 0,
        startAt: 0,
      };
    case "watches":
      return { self: `${links.api}/issue/${issue.key}/watchers`, watchCount: 0, isWatching: false };
    case "votes":
      return { self: `${links.api}/issue/${issue.key}/votes`, votes: 0, hasVoted: false };
    case "attachment":
      return [];
    default: {
      const value = issue.fields[fieldId];
      const project = store.projects.get(issue.projectId);
      return decorateField(fieldId, value === undefined ? null : value, links, project?.avatarId);
    }
  }
}

/** Renders the issue with the selected fields and expansions. */
export function renderIssue(issue: StoredIssue, options: RenderOptions): Obj {
  const { store, links, selection, expand } = options;
  const bean: Obj = {
    expand: issueExpandString(expand),
    id: issue.id,
    self: `${links.api}/issue/${issue.id}`,
    key: issue.key,
  };
  const fields: Obj = {};
  for (const fieldId of selection.ids) {
    const value = computedField(fieldId, issue, options);
    if (value !== undefined) fields[fieldId] = value;
  }
  if (expand.has("renderedFields")) bean.renderedFields = {};
  if (expand.has("names")) {
    bean.names = Object.fromEntries(Object.keys(fields).map((id) => [id, store.findField(id)?.name ?? id]));
  }
  if (expand.has("schema")) {
    bean.schema = Object.fromEntries(
      Object.keys(fields).flatMap((id) => {
        const schema = store.findField(id)?.schema;
        return schema === undefined ? [] : [[id, schema]];
      }),
    );
  }
  if (expand.has("transitions")) bean.transitions = renderTransitions(store, issue, links);
  if (expand.has("changelog")) {
    const histories = issue.changelog.map((h) => renderHistory(h, links));
    bean.changelog = { startAt: 0, maxResults: histories.length, total: histories.length, histories };
  }
  if (!selection.idKeyOnly) bean.fields = fields;
  return bean;
}
