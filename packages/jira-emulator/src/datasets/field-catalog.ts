/** The fields every emulated site has: Jira's system fields plus the Jira Software and numeric custom fields. */
import type { FieldDetails } from "../store/types.ts";

const system = (
  id: string,
  name: string,
  clauseNames: string[],
  schema: FieldDetails["schema"] | undefined,
  flags: { orderable: boolean; navigable: boolean; searchable: boolean },
): FieldDetails => ({
  id,
  key: id,
  name,
  custom: false,
  ...flags,
  clauseNames,
  ...(schema ? { schema } : {}),
});

const ro = { orderable: false, navigable: true, searchable: true };
const rw = { orderable: true, navigable: true, searchable: true };
const view = { orderable: false, navigable: true, searchable: false };
const hidden = { orderable: true, navigable: false, searchable: true };

/** A custom field definition in `GET /field` shape. */
export function customField(
  customId: number,
  name: string,
  type: string,
  custom: string,
  items?: string,
): FieldDetails {
  return {
    id: `customfield_${customId}`,
    key: `customfield_${customId}`,
    name,
    untranslatedName: name,
    custom: true,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: [`cf[${customId}]`, name],
    schema: { type, custom, customId, ...(items ? { items } : {}) },
  } as FieldDetails;
}

/** Ids of the custom fields the datasets fill. */
export const CF = {
  epicName: "customfield_10011",
  epicLink: "customfield_10014",
  startDate: "customfield_10015",
  storyPointEstimate: "customfield_10016",
  rank: "customfield_10019",
  sprint: "customfield_10020",
  storyPoints: "customfield_10026",
  businessValue: "customfield_10030",
  riskScore: "customfield_10031",
} as const;

/** The site's initial field list. */
export function defaultFields(): FieldDetails[] {
  const datetime = (id: string) => ({ type: "datetime", system: id });
  const num = (id: string) => ({ type: "number", system: id });
  return [
    system(
      "statuscategorychangedate",
      "Status Category Changed",
      ["statusCategoryChangedDate"],
      datetime("statuscategorychangedate"),
      ro,
    ),
    system("issuetype", "Issue Type", ["issuetype", "type"], { type: "issuetype", system: "issuetype" }, rw),
    system("timespent", "Time Spent", ["timespent"], num("timespent"), view),
    system("project", "Project", ["project"], { type: "project", system: "project" }, ro),
    system(
      "fixVersions",
      "Fix versions",
      ["fixVersion"],
      { type: "array", items: "version", system: "fixVersions" },
      rw,
    ),
    system("aggregatetimespent", "Σ Time Spent", [], num("aggregatetimespent"), view),
    system(
      "statusCategory",
      "Status Category",
      ["statusCategory"],
      { type: "statusCategory", system: "statusCategory" },
      ro,
    ),
    system("parent", "Parent", ["parent"], undefined, rw),
    system("resolution", "Resolution", ["resolution"], { type: "resolution", system: "resolution" }, rw),
    system("resolutiondate", "Resolved", ["resolutiondate", "resolved"], datetime("resolutiondate"), ro),
    system("workratio", "Work Ratio", ["workratio"], num("workratio"), ro),
    system("lastViewed", "Last Viewed", ["lastViewed"], datetime("lastViewed"), view),
    system("watches", "Watchers", ["watchers"], { type: "watches", system: "watches" }, view),
    system("created", "Created", ["created", "createdDate"], datetime("created"), ro),
    system("priority", "Priority", ["priority"], { type: "priority", system: "priority" }, rw),
    system("labels", "Labels", ["labels"], { type: "array", items: "string", system: "labels" }, rw),
    system(
      "timeestimate",
      "Remaining Estimate",
      ["remainingEstimate", "timeestimate"],
      num("timeestimate"),
      view,
    ),
    system(
      "aggregatetimeoriginalestimate",
      "Σ Original Estimate",
      [],
      num("aggregatetimeoriginalestimate"),
      view,
    ),
    system(
      "versions",
      "Affects versions",
      ["affectedVersion"],
      { type: "array", items: "version", system: "versions" },
      rw,
    ),
    system(
      "issuelinks",
      "Linked Issues",
      ["issueLink"],
      { type: "array", items: "issuelinks", system: "issuelinks" },
      rw,
    ),
    system("assignee", "Assignee", ["assignee"], { type: "user", system: "assignee" }, rw),
    system("updated", "Updated", ["updated", "updatedDate"], datetime("updated"), ro),
    system("status", "Status", ["status"], { type: "status", system: "status" }, ro),
    system(
      "components",
      "Components",
      ["component"],
      { type: "array", items: "component", system: "components" },
      rw,
    ),
    system("issuekey", "Key", ["id", "issue", "issuekey", "key"], undefined, view),
    system(
      "timeoriginalestimate",
      "Original estimate",
      ["originalEstimate", "timeoriginalestimate"],
      num("timeoriginalestimate"),
      view,
    ),
    system("description", "Description", ["description"], { type: "string", system: "description" }, rw),
    system("timetracking", "Time tracking", [], { type: "timetracking", system: "timetracking" }, hidden),
    system("security", "Security Level", ["level"], { type: "securitylevel", system: "security" }, rw),
    system(
      "attachment",
      "Attachment",
      ["attachments"],
      { type: "array", items: "attachment", system: "attachment" },
      hidden,
    ),
    system("aggregatetimeestimate", "Σ Remaining Estimate", [], num("aggregatetimeestimate"), view),
    system("summary", "Summary", ["summary"], { type: "string", system: "summary" }, rw),
    system("creator", "Creator", ["creator"], { type: "user", system: "creator" }, ro),
    system(
      "subtasks",
      "Sub-tasks",
      ["subtasks"],
      { type: "array", items: "issuelinks", system: "subtasks" },
      view,
    ),
    system("reporter", "Reporter", ["reporter"], { type: "user", system: "reporter" }, rw),
    system("aggregateprogress", "Σ Progress", [], { type: "progress", system: "aggregateprogress" }, view),
    system("environment", "Environment", ["environment"], { type: "string", system: "environment" }, rw),
    system("duedate", "Due date", ["due", "duedate"], { type: "date", system: "duedate" }, rw),
    system("progress", "Progress", ["progress"], { type: "progress", system: "progress" }, view),
    system("votes", "Votes", ["votes"], { type: "votes", system: "votes" }, view),
    system("comment", "Comment", ["comment"], { type: "comments-page", system: "comment" }, hidden),
    system("worklog", "Log Work", [], { type: "array", items: "worklog", system: "worklog" }, hidden),
    customField(10011, "Epic Name", "string", "com.pyxis.greenhopper.jira:gh-epic-label"),
    customField(10014, "Epic Link", "any", "com.pyxis.greenhopper.jira:gh-epic-link"),
    customField(10015, "Start date", "date", "com.atlassian.jira.plugin.system.customfieldtypes:datepicker"),
    customField(10016, "Story point estimate", "number", "com.pyxis.greenhopper.jira:jsw-story-points"),
    customField(10019, "Rank", "any", "com.pyxis.greenhopper.jira:gh-lexo-rank"),
    customField(10020, "Sprint", "array", "com.pyxis.greenhopper.jira:gh-sprint", "json"),
    customField(10026, "Story Points", "number", "com.atlassian.jira.plugin.system.customfieldtypes:float"),
    customField(10030, "Business Value", "number", "com.atlassian.jira.plugin.system.customfieldtypes:float"),
    customField(10031, "Risk Score", "number", "com.atlassian.jira.plugin.system.customfieldtypes:float"),
  ];
}
