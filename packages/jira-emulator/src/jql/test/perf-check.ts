/**
 * Rough speed check (not a test): compiles a few queries and runs them over 200k synthetic issues.
 * Run: `npx node packages/jira-emulator/src/jql/test/perf-check.ts` (from the repo root, with an absolute path).
 */
import { compileJql } from "../compile-jql.ts";
import type { StoredIssue } from "../types.ts";
import { fixtureSite, issues as templates } from "./fixture-site.ts";

const COUNT = 200_000;
const issues: StoredIssue[] = [];
for (let i = 0; i < COUNT; i++) {
  const template = templates[i % templates.length];
  if (!template) continue;
  issues.push({ ...template, id: String(1000 + i), key: `${template.key.split("-")[0]}-${i + 1}` });
}
const site = fixtureSite({ findIssue: undefined });
const queries = [
  "project = AL AND status = 'In Progress'",
  "assignee in membersOf('jira-developers') AND priority > Medium ORDER BY created DESC",
  "created > -30d AND resolution = Unresolved",
  "summary ~ cache OR labels in (q1, perf)",
  'status was "In Progress" after 2026-03-01',
  "statusCategory != Done AND sprint in openSprints() ORDER BY Rank",
];
for (const jql of queries) {
  const compiled = compileJql(jql, site);
  if (!compiled.ok) throw new Error(compiled.errorMessages.join("; "));
  const start = performance.now();
  const hits = issues.filter(compiled.query.matches);
  const matched = performance.now() - start;
  hits.sort(compiled.query.compare);
  const total = performance.now() - start;
  console.log(
    `${jql}\n  ${hits.length} hits, match ${matched.toFixed(0)} ms, match+sort ${total.toFixed(0)} ms`,
  );
}
