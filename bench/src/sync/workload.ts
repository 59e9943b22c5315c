import type { Measure, Metric } from "@goalpost/domain";
import type { SiteIssue } from "../support/emulator-process.ts";

/** One key result of the workload: its JQL, metric and measure. */
export interface WorkloadItem {
  jql: string;
  metric: Metric;
  measure: Measure;
  kind: string;
}

const PERCENT: Measure = { kind: "percent" };
/** Every metric, in both measures where offered (progress-rules.md), cycled over the key results. */
const METRICS: { metric: Metric; measure: Measure }[] = [
  { metric: "count", measure: PERCENT },
  { metric: "storyPoints", measure: PERCENT },
  { metric: "originalEstimate", measure: PERCENT },
  { metric: "timeSpent", measure: PERCENT },
  { metric: "remainingEstimate", measure: { kind: "kpi", start: 500, target: 0, completedOnly: false } },
  { metric: "progress", measure: { kind: "kpi", start: 0, target: 100, completedOnly: false } },
  { metric: "timeSpent", measure: { kind: "kpi", start: 0, target: 400, completedOnly: true } },
  { metric: "count", measure: { kind: "kpi", start: 0, target: 50, completedOnly: true } },
  { metric: "storyPoints", measure: { kind: "kpi", start: 0, target: 200, completedOnly: true } },
  {
    metric: { customField: "customfield_10030" },
    measure: { kind: "kpi", start: 0, target: 1000, completedOnly: false },
  },
];

/**
 * 200 key results over one connection, a realistic mix (deterministic for a site):
 * 100 single epics (`parent = E` on team-managed projects, `"Epic Link" = E` on company-managed ones);
 * 30 of those same JQLs again (another metric); 20 overlapping groups of 3 epics (`parent in (…)`);
 * 10 project-wide (`project = P`, 6 distinct); 15 bugs of a project; 15 a label in a project;
 * 10 a project's open sprint.
 */
export function buildWorkload(issues: readonly SiteIssue[]): WorkloadItem[] {
  const projects = [...new Set(issues.map((issue) => issue.project))].sort();
  const companyManaged = new Set(projects.filter((_, i) => i % 2 === 1));
  const epics = issues.filter((issue) => issue.type === "Epic");
  const childCount = new Map<string, number>();
  for (const issue of issues)
    if (issue.parent) childCount.set(issue.parent, (childCount.get(issue.parent) ?? 0) + 1);
  // 140 epics with children spread evenly over the site (a stable, varied pick).
  const eligible = epics.filter((epic) => (childCount.get(epic.key) ?? 0) > 0);
  const step = Math.max(1, Math.floor(eligible.length / 140));
  const picked = eligible.filter((_, i) => i % step === 0);
  if (picked.length < 130) throw new Error(`the site has too few epics (${picked.length})`);
  const labels = [...new Set(issues.flatMap((issue) => issue.labels))].sort();
  const items: { jql: string; kind: string }[] = [];
  const epicJql = (epic: SiteIssue) =>
    companyManaged.has(epic.project) ? `"Epic Link" = ${epic.key}` : `parent = ${epic.key}`;
  for (const epic of picked.slice(0, 100)) items.push({ jql: epicJql(epic), kind: "epic" });
  for (let i = 0; i < 30; i++)
    items.push({ jql: epicJql(picked[i * 3] as SiteIssue), kind: "epic (same JQL)" });
  for (let i = 0; i < 20; i++) {
    const group = [picked[i * 2], picked[i * 2 + 1], picked[100 + i]] as SiteIssue[];
    items.push({ jql: `parent in (${group.map((e) => e.key).join(", ")})`, kind: "3 epics (overlap)" });
  }
  for (let i = 0; i < 10; i++) items.push({ jql: `project = ${projects[i % 6]}`, kind: "project-wide" });
  for (let i = 0; i < 15; i++)
    items.push({ jql: `project = ${projects[i % 10]} AND issuetype = Bug`, kind: "project bugs" });
  for (let i = 0; i < 15; i++)
    items.push({
      jql: `project = ${projects[(i + 3) % 10]} AND labels = ${labels[i % labels.length]}`,
      kind: "label in project",
    });
  for (let i = 0; i < 10; i++)
    items.push({ jql: `project = ${projects[i]} AND sprint in openSprints()`, kind: "open sprint" });
  return items.map((item, i) => ({ ...item, ...(METRICS[i % METRICS.length] as (typeof METRICS)[number]) }));
}

/**
 * The portfolio of the workload: 40 epics with children linked to one initiative — 20 that key results also
 * read (the first 20 picked for them) and 20 that no key result reads (the next epics of the same pick).
 */
export function portfolioEpics(issues: readonly SiteIssue[]): string[] {
  const epics = issues.filter((issue) => issue.type === "Epic");
  const withChildren = new Set(issues.flatMap((issue) => (issue.parent ? [issue.parent] : [])));
  const eligible = epics.filter((epic) => withChildren.has(epic.key));
  const step = Math.max(1, Math.floor(eligible.length / 140));
  const picked = eligible.filter((_, i) => i % step === 0);
  const unread = eligible.filter((_, i) => i % step !== 0);
  return [...picked.slice(0, 20), ...unread.slice(0, 20)].map((epic) => epic.key);
}
