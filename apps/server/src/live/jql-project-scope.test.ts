import { describe, expect, it } from "vitest";
import { jqlProjectScope } from "./jql-project-scope.ts";

describe("jqlProjectScope", () => {
  it.each([
    ["project = AE", ["AE"]],
    ["project = ae AND status = Done ORDER BY rank", ["AE"]],
    ['project = "AE" and issuetype = Story', ["AE"]],
    ["project in (AE, OPS) AND sprint in openSprints()", ["AE", "OPS"]],
    ["status = Done AND project = OPS", ["OPS"]],
    ['labels = okr AND (project = AE OR project = OPS) AND project in ("AE")', ["AE"]],
    ["project=AE AND summary ~ 'or not'", ["AE"]],
  ])("%s → bounded to %j", (jql, projects) => {
    expect(jqlProjectScope(jql)).toEqual(projects);
  });

  it.each([
    ["labels = okr"],
    ["project = AE OR labels = okr"],
    ["NOT project = AE"],
    ["project != AE"],
    ["project not in (AE)"],
    ["project = 10000"],
    ['project = "Alpha project"'],
    ["(project = AE AND status = Done)"],
    ["project = AE AND (status = Done"],
    ['project = "AE'],
    ["project in (AE, 10001)"],
    [""],
  ])("%s → not bounded", (jql) => {
    expect(jqlProjectScope(jql)).toBeNull();
  });
});
