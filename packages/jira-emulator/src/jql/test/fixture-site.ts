import type { ChangelogHistory, FieldDetails, JqlSite, StoredIssue } from "../types.ts";

/** A small fixed site for the JQL table tests. "Now" is Sunday 2026-03-15 12:00 UTC. */

const cat = {
  new: { id: 2, key: "new", colorName: "blue-gray", name: "To Do" },
  indeterminate: { id: 4, key: "indeterminate", colorName: "yellow", name: "In Progress" },
  done: { id: 3, key: "done", colorName: "green", name: "Done" },
};
const statuses = {
  todo: { id: "1", name: "To Do", statusCategory: cat.new },
  progress: { id: "3", name: "In Progress", statusCategory: cat.indeterminate },
  shipped: { id: "10001", name: "Shipped", statusCategory: cat.done },
  wontdo: { id: "10002", name: "Won't do", statusCategory: cat.done },
};
const users = {
  ada: { accountId: "acc-ada", displayName: "Ada Lovelace", emailAddress: "ada@example.com" },
  bob: { accountId: "acc-bob", displayName: "Bob Builder", emailAddress: "bob@example.com" },
  cy: { accountId: "acc-cy", displayName: "Cy Young", emailAddress: "cy@example.com" },
};
const priorities = [
  { id: "1", name: "Highest" },
  { id: "2", name: "High" },
  { id: "3", name: "Medium" },
  { id: "4", name: "Low" },
];
const resolutions = [
  { id: "10000", name: "Done" },
  { id: "10001", name: "Won't Do" },
];
const types = {
  epic: { id: "10000", name: "Epic", subtask: false, hierarchyLevel: 1 },
  story: { id: "10001", name: "Story", subtask: false, hierarchyLevel: 0 },
  bug: { id: "10002", name: "Bug", subtask: false, hierarchyLevel: 0 },
  subtask: { id: "10003", name: "Sub-task", subtask: true, hierarchyLevel: -1 },
};
const projects = {
  al: { id: "10000", key: "AL", name: "Alpha" },
  be: { id: "10001", key: "BE", name: "Beta" },
};
const sprints = [
  { id: 1, name: "AL Sprint 1", state: "closed" as const, boardId: 1 },
  { id: 2, name: "AL Sprint 2", state: "active" as const, boardId: 1 },
  { id: 3, name: "AL Sprint 3", state: "future" as const, boardId: 1 },
];
const versions = [
  { id: "20001", name: "v1", projectId: "10000", released: true },
  { id: "20002", name: "v2", projectId: "10000", released: false },
];
const components = [
  { id: "30001", name: "Backend", projectId: "10000" },
  { id: "30002", name: "Frontend", projectId: "10000" },
];

function sys(id: string, name: string, type: string, clauseNames = [id]): FieldDetails {
  return {
    id,
    key: id,
    name,
    custom: false,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames,
    schema: { type, system: id },
  };
}
function custom(n: number, name: string, type: string, plugin: string, items?: string): FieldDetails {
  const schema = { type, custom: plugin, customId: n, ...(items ? { items } : {}) };
  return {
    id: `customfield_${n}`,
    key: `customfield_${n}`,
    name,
    custom: true,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: [`cf[${n}]`, name],
    schema,
  };
}

/** The site's fields, as `GET /rest/api/3/field` would list them. */
export const fields: FieldDetails[] = [
  sys("summary", "Summary", "string"),
  sys("status", "Status", "status"),
  sys("assignee", "Assignee", "user"),
  custom(10020, "Sprint", "array", "com.pyxis.greenhopper.jira:gh-sprint", "json"),
  custom(10014, "Epic Link", "any", "com.pyxis.greenhopper.jira:gh-epic-link"),
  custom(10016, "Story point estimate", "number", "com.pyxis.greenhopper.jira:jsw-story-points"),
  custom(10026, "Story Points", "number", "com.atlassian.jira.plugin.system.customfieldtypes:float"),
  custom(10050, "Team", "option", "com.atlassian.jira.plugin.system.customfieldtypes:select"),
  custom(10060, "Notes", "string", "com.atlassian.jira.plugin.system.customfieldtypes:textarea"),
  custom(10019, "Rank", "any", "com.pyxis.greenhopper.jira:gh-lexo-rank"),
  custom(10070, "Checklist", "any", "com.example:checklist"),
];

function adf(text: string) {
  return { type: "doc", version: 1, content: [{ type: "paragraph", content: [{ type: "text", text }] }] };
}

function change(
  created: string,
  by: keyof typeof users,
  field: string,
  from: string | null,
  fromString: string | null,
  to: string | null,
  toName: string | null,
): ChangelogHistory {
  return {
    id: `${created}-${field}`,
    author: users[by],
    created,
    items: [
      {
        field,
        fieldtype: "jira",
        fieldId: field === "Fix Version" ? "fixVersions" : field,
        from,
        fromString,
        to,
        toString: toName,
      },
    ],
  };
}

interface IssueInput {
  id: string;
  key: string;
  project: keyof typeof projects;
  fields: Record<string, unknown>;
  changelog?: ChangelogHistory[];
}

function issue({ id, key, project, fields: f, changelog = [] }: IssueInput): StoredIssue {
  const base: Record<string, unknown> = {
    project: projects[project],
    labels: [],
    components: [],
    fixVersions: [],
    resolution: null,
    resolutiondate: null,
    assignee: null,
    reporter: users.ada,
    duedate: null,
    description: null,
    environment: null,
    timespent: null,
    customfield_10020: null,
    customfield_10014: null,
    customfield_10016: null,
    customfield_10026: null,
    customfield_10050: null,
    customfield_10060: null,
  };
  return { id, key, projectId: projects[project].id, fields: { ...base, ...f }, changelog };
}

const parentRef = (id: string, key: string, type: typeof types.epic) => ({
  id,
  key,
  fields: { summary: "x", status: statuses.progress, priority: priorities[1], issuetype: type },
});

/** The issues. */
export const issues: StoredIssue[] = [
  issue({
    id: "100",
    key: "AL-1",
    project: "al",
    fields: {
      summary: "Checkout revamp",
      issuetype: types.epic,
      status: statuses.progress,
      assignee: users.ada,
      priority: priorities[1],
      labels: ["q1"],
      created: "2026-01-05T09:00:00.000+0000",
      updated: "2026-03-01T09:00:00.000+0000",
      customfield_10019: "0|i0000b:",
    },
  }),
  issue({
    id: "101",
    key: "AL-2",
    project: "al",
    fields: {
      summary: "Add payment form",
      issuetype: types.story,
      status: statuses.shipped,
      resolution: resolutions[0],
      resolutiondate: "2026-03-10T15:00:00.000+0000",
      assignee: users.bob,
      priority: priorities[2],
      customfield_10016: 3,
      customfield_10020: [{ ...sprints[0] }, { ...sprints[1] }],
      fixVersions: [{ id: "20001", name: "v1", released: true }],
      components: [{ id: "30001", name: "Backend" }],
      labels: ["frontend", "q1"],
      created: "2026-02-01T10:00:00.000+0000",
      updated: "2026-03-10T15:00:00.000+0000",
      duedate: "2026-03-01",
      parent: parentRef("100", "AL-1", types.epic),
      customfield_10019: "0|i0000a:",
    },
    changelog: [
      change("2026-02-05T08:00:00.000+0000", "ada", "assignee", null, null, "acc-bob", "Bob Builder"),
      change("2026-02-10T08:00:00.000+0000", "bob", "status", "1", "To Do", "3", "In Progress"),
      change("2026-03-10T15:00:00.000+0000", "ada", "status", "3", "In Progress", "10001", "Shipped"),
      change("2026-03-10T15:00:00.000+0000", "ada", "resolution", null, null, "10000", "Done"),
      change("2026-03-01T08:00:00.000+0000", "ada", "Fix Version", null, null, "20001", "v1"),
    ],
  }),
  issue({
    id: "102",
    key: "AL-3",
    project: "al",
    fields: {
      summary: "Validate card numbers",
      issuetype: types.story,
      status: statuses.todo,
      priority: priorities[3],
      customfield_10026: 5,
      customfield_10020: [{ ...sprints[1] }],
      customfield_10014: "AL-1",
      description: adf("Luhn checks for running totals"),
      created: "2026-03-12T10:00:00.000+0000",
      updated: "2026-03-12T10:00:00.000+0000",
      customfield_10019: "0|i0000c:",
    },
  }),
  issue({
    id: "103",
    key: "AL-4",
    project: "al",
    fields: {
      summary: "Crash when paying twice",
      issuetype: types.bug,
      status: statuses.progress,
      assignee: users.cy,
      priority: priorities[0],
      components: [{ id: "30002", name: "Frontend" }],
      customfield_10016: 8,
      fixVersions: [{ id: "20002", name: "v2", released: false }],
      created: "2026-03-14T09:00:00.000+0000",
      updated: "2026-03-14T11:00:00.000+0000",
      customfield_10060: "Seen on the mobile checkout",
    },
    changelog: [
      change("2026-03-14T10:00:00.000+0000", "cy", "priority", "3", "Medium", "1", "Highest"),
      change("2026-03-14T11:00:00.000+0000", "cy", "status", "1", "To Do", "3", "In Progress"),
    ],
  }),
  issue({
    id: "104",
    key: "AL-5",
    project: "al",
    fields: {
      summary: "Write tests",
      issuetype: types.subtask,
      status: statuses.wontdo,
      resolution: resolutions[1],
      resolutiondate: "2026-02-25T10:00:00.000+0000",
      assignee: users.bob,
      priority: priorities[2],
      duedate: "2026-02-20",
      customfield_10050: { id: "40001", value: "Payments" },
      created: "2026-02-02T10:00:00.000+0000",
      updated: "2026-02-25T10:00:00.000+0000",
      parent: parentRef("101", "AL-2", types.story),
    },
  }),
  issue({
    id: "200",
    key: "BE-1",
    project: "be",
    fields: {
      summary: "Backend cache",
      issuetype: types.story,
      status: statuses.todo,
      reporter: users.bob,
      assignee: users.ada,
      priority: priorities[2],
      customfield_10016: 2,
      environment: "prod cluster",
      created: "2025-12-20T10:00:00.000+0000",
      updated: "2026-01-02T10:00:00.000+0000",
    },
  }),
  issue({
    id: "201",
    key: "BE-2",
    project: "be",
    fields: {
      summary: "Cache misses under load",
      issuetype: types.bug,
      status: statuses.progress,
      assignee: users.bob,
      priority: priorities[1],
      labels: ["perf"],
      customfield_10050: { id: "40002", value: "Platform" },
      timespent: 7200,
      comment: { comments: [{ body: adf("Reproduced with the load generator") }] },
      created: "2026-03-01T10:00:00.000+0000",
      updated: "2026-03-13T10:00:00.000+0000",
    },
    changelog: [
      change(
        "2026-03-05T10:00:00.000+0000",
        "ada",
        "assignee",
        "acc-ada",
        "Ada Lovelace",
        "acc-bob",
        "Bob Builder",
      ),
    ],
  }),
];

/** The site as seen by Ada. */
export function fixtureSite(overrides: Partial<JqlSite> = {}): JqlSite {
  return {
    now: () => new Date("2026-03-15T12:00:00.000Z"),
    currentAccountId: "acc-ada",
    fields,
    users: Object.values(users),
    groups: { "jira-developers": ["acc-bob", "acc-cy"] },
    sprints,
    statuses: Object.values(statuses),
    priorities,
    resolutions,
    issueTypes: Object.values(types),
    projects: Object.values(projects),
    versions,
    components,
    viewedIssueKeys: ["AL-4", "BE-2"],
    findIssue: (keyOrId) => {
      const found = issues.find((i) => i.key.toUpperCase() === keyOrId.toUpperCase() || i.id === keyOrId);
      return found ? { id: found.id, key: found.key } : undefined;
    },
    ...overrides,
  };
}
