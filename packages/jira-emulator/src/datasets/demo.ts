/**
 * The `demo` dataset: a generated portfolio of projects and epics, plus the situations Goalpost's docs walk
 * through — epic AE-786 "Ship feature Email Campaigns" with 10 stories of which 3 are done (queried as
 * `"Epic Link" = AE-786`), and a quality epic under which bugs keep being filed all quarter.
 */
import { adfText, priorityValue, sprintValue } from "../store/field-values.ts";
import { createIssue } from "../store/issue-writer.ts";
import type { SiteStore } from "../store/site-store.ts";
import type { SiteUser, StoredIssue } from "../store/types.ts";
import { CF } from "./field-catalog.ts";
import { generateSite, parentRef, startOfUtcDay } from "./generate.ts";
import { playHistory } from "./history.ts";
import { createRandom } from "./random.ts";
import { addProject, makeUser, projectIssueType, projectStatus } from "./site-template.ts";

const DAY = 86_400_000;

/** Users of the demo dataset with narrower permissions, and their API tokens. */
export const DEMO_USERS = [
  { email: "dana@example.com", displayName: "Dana Product", token: "dana-token", projects: ["AE"] },
  {
    email: "pat@example.com",
    displayName: "Pat Portfolio",
    token: "pat-token",
    projects: ["AE", "ATL", "BEA", "COM"],
  },
  { email: "nobody@example.com", displayName: "No Access", token: "nobody-token", projects: [] },
] as const;

const STORIES = [
  "Campaign list page",
  "Create campaign wizard",
  "Audience segment picker",
  "Email template editor",
  "Schedule a campaign",
  "Send test email",
  "Unsubscribe handling",
  "Bounce tracking",
  "Campaign analytics dashboard",
  "A/B subject lines",
];

/**
 * Loads the demo dataset into an empty store. `seed` and `issues` size its generated portfolio (six projects,
 * default 900 issues); project AE and its situations are always the same.
 */
export function loadDemo(
  store: SiteStore,
  options: { anchor?: Date; seed?: number | string; issues?: number } = {},
): SiteUser[] {
  const anchor = options.anchor ?? startOfUtcDay();
  const generated = generateSite(store, {
    seed: options.seed ?? "goalpost-demo",
    issues: options.issues ?? 900,
    projects: 6,
    anchor,
  });
  const rnd = createRandom("goalpost-demo-ae");
  const dana = makeUser(store, {
    email: "dana@example.com",
    displayName: "Dana Product",
    token: "dana-token",
  });
  const team = [dana, ...generated.slice(0, 5)];
  const ae = addProject(store, { key: "AE", name: "Acme Engagement", style: "classic", lead: dana });
  for (const member of team) member.projectIds.add(ae.id);
  const sprint = [...store.sprints.values()].find((s) => s.state === "active");
  ae.lastIssueNumber = 785;
  const start = new Date(anchor.getTime() - 80 * DAY);
  const epic = createIssue(store, {
    project: ae,
    issueType: projectIssueType(store, ae, "Epic"),
    summary: "Ship feature Email Campaigns",
    reporter: dana,
    at: start,
    fields: {
      [CF.epicName]: "Email Campaigns",
      description: adfText("Let customers run email campaigns."),
      priority: priorityValue({ id: "2", name: "High" }),
    },
  });
  playHistory(store, rnd, {
    issue: epic,
    project: ae,
    target: projectStatus(store, ae, "In Progress"),
    assignee: dana,
    actors: [dana],
    from: start,
    until: anchor,
    logWork: false,
  });
  STORIES.forEach((summary, index) => {
    const created = new Date(start.getTime() + (index + 1) * 3 * DAY);
    const story = createIssue(store, {
      project: ae,
      issueType: projectIssueType(store, ae, "Story"),
      summary,
      reporter: dana,
      at: created,
      fields: {
        parent: parentRef(epic),
        [CF.epicLink]: epic.key,
        [CF.storyPoints]: [3, 5, 2, 8, 3, 1, 2, 5, 8, 3][index] ?? 3,
        timeoriginalestimate: (index + 2) * 4 * 3600,
        timeestimate: (index + 2) * 4 * 3600,
        priority: priorityValue({ id: "3", name: "Medium" }),
        ...(sprint !== undefined && index < 6 ? { [CF.sprint]: [sprintValue(sprint)] } : {}),
      },
    });
    const target = index < 3 ? (index === 2 ? "Shipped" : "Done") : index < 6 ? "In Progress" : "To Do";
    playHistory(store, rnd, {
      issue: story,
      project: ae,
      target: projectStatus(store, ae, target),
      assignee: team[(index % (team.length - 1)) + 1] ?? dana,
      actors: team,
      from: created,
      until: anchor,
      logWork: index < 6,
    });
  });
  fileBugs(store, rnd, { project: ae, team, dana, anchor });
  for (const spec of DEMO_USERS) {
    const user = makeUser(store, { email: spec.email, displayName: spec.displayName, token: spec.token });
    for (const key of spec.projects) {
      const project = store.findProject(key);
      if (project !== undefined) user.projectIds.add(project.id);
    }
  }
  return [...store.users.values()];
}

function fileBugs(
  store: SiteStore,
  rnd: ReturnType<typeof createRandom>,
  input: { project: ReturnType<typeof addProject>; team: SiteUser[]; dana: SiteUser; anchor: Date },
): StoredIssue {
  const { project, team, anchor } = input;
  const start = new Date(anchor.getTime() - 90 * DAY);
  const epic = createIssue(store, {
    project,
    issueType: projectIssueType(store, project, "Epic"),
    summary: "Improve the overall quality of the product",
    reporter: input.dana,
    at: start,
    fields: {
      [CF.epicName]: "Product quality",
      description: adfText("Every bug found this quarter is filed here."),
    },
  });
  playHistory(store, rnd, {
    issue: epic,
    project,
    target: projectStatus(store, project, "In Progress"),
    assignee: input.dana,
    actors: [input.dana],
    from: start,
    until: anchor,
    logWork: false,
  });
  for (let i = 0; i < 36; i++) {
    const created = new Date(
      start.getTime() + Math.floor(((i + 1) / 37) * 89 * DAY) + rnd.int(0, 20) * 3_600_000,
    );
    const bug = createIssue(store, {
      project,
      issueType: projectIssueType(store, project, "Bug"),
      summary: `Bug ${i + 1}: ${rnd.pick(["export", "login", "billing", "search", "editor"])} ${rnd.pick(["crashes", "is slow", "shows wrong data", "fails silently"])}`,
      reporter: rnd.pick(team),
      at: created,
      fields: {
        parent: parentRef(epic),
        [CF.epicLink]: epic.key,
        priority: priorityValue(rnd.pick(store.priorities)),
        labels: ["bug-bash"],
      },
    });
    const age = (anchor.getTime() - created.getTime()) / (90 * DAY);
    const target =
      rnd.next() < 0.2 + age * 0.6
        ? rnd.chance(0.85)
          ? "Done"
          : "Won't do"
        : rnd.chance(0.4)
          ? "In Progress"
          : "To Do";
    playHistory(store, rnd, {
      issue: bug,
      project,
      target: projectStatus(store, project, target),
      assignee: rnd.pick(team),
      actors: team,
      from: created,
      until: anchor,
      logWork: rnd.chance(0.5),
    });
  }
  return epic;
}
