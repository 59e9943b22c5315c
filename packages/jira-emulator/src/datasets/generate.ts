/**
 * Deterministic generator of realistic sites: team-managed and company-managed projects, epics with stories,
 * tasks, bugs and sub-tasks, sprints, story points (both fields), numeric custom fields, time tracking, and a
 * quarter of history. Same seed, size and anchor → same site.
 */

import { adfText, priorityValue, sprintValue, userValue } from "../store/field-values.ts";
import { createIssue } from "../store/issue-writer.ts";
import { formatJiraDate } from "../store/jira-format.ts";
import type { SiteStore } from "../store/site-store.ts";
import type { SiteProject, SiteSprint, SiteStatus, SiteUser, StoredIssue } from "../store/types.ts";
import { CF } from "./field-catalog.ts";
import { playHistory } from "./history.ts";
import { createRandom, type Random } from "./random.ts";
import {
  addProject,
  installSiteTemplate,
  makeUser,
  projectIssueType,
  projectStatus,
} from "./site-template.ts";
import {
  BUG_PHRASES,
  EPIC_THEMES,
  FIRST_NAMES,
  LABELS,
  LAST_NAMES,
  OBJECTS,
  PROJECT_NAMES,
  VERBS,
} from "./words.ts";

const DAY = 86_400_000;
/** A quarter of history. */
const HISTORY_DAYS = 91;

/** Options of {@link generateSite}. */
export interface GenerateOptions {
  seed: number | string;
  /** Number of issues, 0 to 200,000. */
  issues: number;
  /** The site's "today": history ends here. Default: start of the current UTC day. */
  anchor?: Date;
  /** Number of projects; default grows with size (2 to 40). */
  projects?: number;
}

/** Start of the current UTC day: the default anchor, so a dataset is stable within a day. */
export function startOfUtcDay(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Fills the store with a generated site and returns its users (all without API tokens). */
export function generateSite(store: SiteStore, options: GenerateOptions): SiteUser[] {
  installSiteTemplate(store);
  const rnd = createRandom(options.seed);
  const anchor = options.anchor ?? startOfUtcDay();
  const total = Math.max(0, Math.min(200_000, Math.floor(options.issues)));
  const projectCount = options.projects ?? Math.max(2, Math.min(40, Math.ceil(total / 2000)));
  const users = makeUsers(store, rnd, Math.max(8, Math.min(60, Math.ceil(total / 400))));
  const start = new Date(anchor.getTime() - HISTORY_DAYS * DAY);
  const taken = new Set(store.projectIdByKey.keys());
  for (let p = 0; p < projectCount; p++) {
    const base = PROJECT_NAMES[p % PROJECT_NAMES.length] ?? "Project";
    const name = p < PROJECT_NAMES.length ? base : `${base} ${Math.floor(p / PROJECT_NAMES.length) + 1}`;
    let key =
      name
        .replace(/[^A-Za-z]/g, "")
        .slice(0, 3)
        .toUpperCase() + (p >= PROJECT_NAMES.length ? String.fromCharCode(65 + (p % 26)) : "");
    while (taken.has(key)) key = `${key}X`;
    taken.add(key);
    const project = addProject(store, {
      key,
      name,
      style: p % 2 === 0 ? "next-gen" : "classic",
      lead: rnd.pick(users),
    });
    const team = users.filter((_, i) => (i + p) % 3 !== 0);
    for (const member of team) member.projectIds.add(project.id);
    const sprints = makeSprints(store, project, Number(project.id) - 10000, start, anchor);
    const share = Math.floor(total / projectCount) + (p < total % projectCount ? 1 : 0);
    fillProject(store, rnd, { project, team, sprints, count: share, start, anchor });
  }
  store.groups.set("jira-software-users", new Set(users.map((u) => u.accountId)));
  store.groups.set("developers", new Set(users.filter((_, i) => i % 2 === 0).map((u) => u.accountId)));
  return users;
}

function makeUsers(store: SiteStore, rnd: Random, count: number): SiteUser[] {
  const users: SiteUser[] = [];
  for (let i = 0; i < count; i++) {
    const first = FIRST_NAMES[i % FIRST_NAMES.length] ?? "User";
    const last = LAST_NAMES[(i * 7 + rnd.int(0, 3)) % LAST_NAMES.length] ?? "Person";
    const suffix = i >= FIRST_NAMES.length ? String(Math.floor(i / FIRST_NAMES.length)) : "";
    const email = `${first.toLowerCase()}${suffix}.${last.toLowerCase().replace(/[^a-z]/g, "")}@example.com`;
    users.push(makeUser(store, { email, displayName: `${first} ${last}${suffix ? ` ${suffix}` : ""}` }));
  }
  return users;
}

function makeSprints(
  store: SiteStore,
  project: SiteProject,
  boardId: number,
  start: Date,
  anchor: Date,
): SiteSprint[] {
  const sprints: SiteSprint[] = [];
  // Seven two-week sprints cover the quarter (the last one active); the eighth is still to come.
  for (let i = 0; i < 8; i++) {
    const from = new Date(start.getTime() + i * 14 * DAY);
    const to = new Date(from.getTime() + 14 * DAY);
    const state = to <= anchor ? "closed" : from <= anchor ? "active" : "future";
    const sprint: SiteSprint = {
      id: boardId * 10 + i + 1,
      name: `${project.key} Sprint ${i + 1}`,
      state,
      boardId,
      goal: "",
      ...(state !== "future" ? { startDate: from.toISOString(), endDate: to.toISOString() } : {}),
      ...(state === "closed" ? { completeDate: to.toISOString() } : {}),
    };
    store.sprints.set(sprint.id, sprint);
    sprints.push(sprint);
  }
  return sprints;
}

interface ProjectPlan {
  project: SiteProject;
  team: SiteUser[];
  sprints: SiteSprint[];
  count: number;
  start: Date;
  anchor: Date;
}

function fillProject(store: SiteStore, rnd: Random, plan: ProjectPlan): void {
  const { project, team, count, start, anchor } = plan;
  const epicCount = count === 0 ? 0 : Math.max(1, Math.round(count / 25));
  const epics: StoredIssue[] = [];
  const standards: StoredIssue[] = [];
  const span = anchor.getTime() - start.getTime();
  for (let i = 0; i < count; i++) {
    const created = new Date(
      start.getTime() + Math.floor((i / Math.max(1, count)) * span * 0.95) + rnd.int(0, 3_600_000),
    );
    if (epics.length < epicCount && (i % 25 === 0 || count - i <= epicCount - epics.length)) {
      epics.push(makeEpic(store, rnd, plan, created, epics.length));
      continue;
    }
    const parent = epics.length > 0 && rnd.chance(0.85) ? rnd.pick(epics) : undefined;
    const typeName = rnd.chance(0.12) && i > 2 ? "Sub-task" : rnd.pick(["Story", "Story", "Task", "Bug"]);
    const subtaskParent =
      typeName === "Sub-task"
        ? standards[standards.length - 1 - rnd.int(0, Math.min(5, standards.length - 1))]
        : undefined;
    const type = projectIssueType(
      store,
      project,
      subtaskParent === undefined && typeName === "Sub-task" ? "Task" : typeName,
    );
    const summary =
      type.name === "Bug"
        ? `${rnd.pick(OBJECTS)} ${rnd.pick(BUG_PHRASES)} ${rnd.pick(OBJECTS)}`
        : `${rnd.pick(VERBS)} ${rnd.pick(OBJECTS)}`;
    const points = rnd.pick([1, 2, 3, 5, 8, 13]);
    const estimate = rnd.chance(0.6) ? rnd.int(1, 16) * 3600 : null;
    const parentIssue = subtaskParent ?? parent;
    const fields: Record<string, unknown> = {
      description: adfText(`${summary}. Generated issue ${i + 1} of ${project.name}.`),
      priority: priorityValue(rnd.pick(store.priorities)),
      labels: rnd.chance(0.5) ? [rnd.pick(LABELS)] : [],
      timeoriginalestimate: estimate,
      timeestimate: estimate,
      [project.style === "next-gen" ? CF.storyPointEstimate : CF.storyPoints]: type.subtask ? null : points,
      [CF.businessValue]: rnd.chance(0.4) ? rnd.int(1, 100) : null,
      // Derived, not drawn, so that adding the field left every other generated value as it was.
      [CF.riskScore]: type.subtask || i % 3 !== 0 ? null : ((points * 7 + i) % 10) + 1,
      duedate: rnd.chance(0.3) ? formatJiraDate(new Date(created.getTime() + rnd.int(7, 60) * DAY)) : null,
    };
    if (parentIssue !== undefined) fields.parent = parentRef(parentIssue);
    if (parent !== undefined && subtaskParent === undefined && project.style === "classic")
      fields[CF.epicLink] = parent.key;
    const sprint = plan.sprints.find(
      (s) =>
        s.startDate !== undefined &&
        Date.parse(s.startDate) <= created.getTime() &&
        (s.endDate === undefined || Date.parse(s.endDate) > created.getTime()),
    );
    if (sprint !== undefined && !type.subtask && rnd.chance(0.7)) fields[CF.sprint] = [sprintValue(sprint)];
    const reporter = rnd.pick(team.length > 0 ? team : [...store.users.values()]);
    const issue = createIssue(store, { project, issueType: type, summary, reporter, at: created, fields });
    if (type.hierarchyLevel === 0) standards.push(issue);
    const age = (anchor.getTime() - created.getTime()) / span;
    playHistory(store, rnd, {
      issue,
      project,
      target: pickTarget(store, rnd, project, age),
      assignee: rnd.chance(0.85) ? rnd.pick(team.length > 0 ? team : [reporter]) : null,
      actors: team.length > 0 ? team : [reporter],
      from: created,
      until: anchor,
      logWork: rnd.chance(0.5),
    });
  }
}

function makeEpic(
  store: SiteStore,
  rnd: Random,
  plan: ProjectPlan,
  created: Date,
  index: number,
): StoredIssue {
  const { project } = plan;
  const theme = `${EPIC_THEMES[index % EPIC_THEMES.length] ?? "Epic"}${index >= EPIC_THEMES.length ? ` ${Math.floor(index / EPIC_THEMES.length) + 1}` : ""}`;
  const reporter = rnd.pick(plan.team.length > 0 ? plan.team : [...store.users.values()]);
  const fields: Record<string, unknown> = {
    description: adfText(`Epic: ${theme}`),
    priority: priorityValue(rnd.pick(store.priorities)),
  };
  if (project.style === "classic") fields[CF.epicName] = theme;
  const epic = createIssue(store, {
    project,
    issueType: projectIssueType(store, project, "Epic"),
    summary: theme,
    reporter,
    at: created,
    fields,
  });
  const target = projectStatus(store, project, rnd.chance(0.7) ? "In Progress" : "To Do");
  playHistory(store, rnd, {
    issue: epic,
    project,
    target,
    assignee: reporter,
    actors: [reporter],
    from: created,
    until: plan.anchor,
    logWork: false,
  });
  return epic;
}

function pickTarget(store: SiteStore, rnd: Random, project: SiteProject, age: number): SiteStatus {
  const statuses = project.statusIds
    .map((id) => store.statuses.get(id))
    .filter((s): s is SiteStatus => s !== undefined);
  const done = statuses.filter((s) => s.categoryKey === "done");
  const progress = statuses.filter((s) => s.categoryKey === "indeterminate");
  const todo = statuses.filter((s) => s.categoryKey === "new");
  const roll = rnd.next();
  const doneShare = 0.15 + age * 0.6;
  if (roll < doneShare && done.length > 0)
    return rnd.chance(0.8) ? (done[0] ?? rnd.pick(done)) : rnd.pick(done);
  if (roll < doneShare + 0.25 && progress.length > 0) return rnd.pick(progress);
  return rnd.pick(todo.length > 0 ? todo : statuses);
}

/** The stored `parent` value pointing at an issue. */
export function parentRef(parent: StoredIssue): Record<string, unknown> {
  return {
    id: parent.id,
    key: parent.key,
    fields: {
      summary: parent.fields.summary,
      status: parent.fields.status,
      priority: parent.fields.priority,
      issuetype: parent.fields.issuetype,
    },
  };
}

/** Convenience: the stored user value, re-exported for datasets. */
export const userRef = userValue;
