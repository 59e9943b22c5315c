import { describe, expect, it } from "vitest";
import { epicChildrenJql, epicChildrenJqls, epicsTargeted } from "./sync-epics.ts";

describe("portfolio epics as epic queries", () => {
  it.each([
    ["AE-786", "customfield_10014", '"Epic Link" = AE-786'],
    ["AE-786", null, "parent = AE-786"],
  ])("reads %s's children with the site's Epic Link field %s as %s", (key, field, jql) => {
    expect(epicChildrenJql(key, field)).toBe(jql);
    expect(epicChildrenJqls(key)).toContain(jql);
  });

  it("reads every epic in a full sync, and in a targeted one those whose children's query is a target", () => {
    const epics = [{ epicKey: "AE-1" }, { epicKey: "AE-2" }, { epicKey: "BEA-3" }];
    expect(epicsTargeted(epics, undefined)).toEqual(epics);
    expect(epicsTargeted(epics, ['"Epic Link" = AE-2', "parent = BEA-3", "project = AE"])).toEqual([
      { epicKey: "AE-2" },
      { epicKey: "BEA-3" },
    ]);
    expect(epicsTargeted(epics, ["project = AE"])).toEqual([]);
  });
});
