/** `POST /rest/api/3/issue` and `POST /rest/api/3/issue/bulk`. */
import { type ApiContext, jsonBody, requireUser } from "../http/context.ts";
import { JiraHttpError, json } from "../http/respond.ts";
import { createIssue } from "../store/issue-writer.ts";
import type { SiteIssueType, StoredIssue } from "../store/types.ts";
import { emitIssueEvent } from "./issue-events.ts";
import { mergeUpdateOps, translateFields } from "./issue-input.ts";

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

/** Creates one issue from an `IssueUpdateDetails` body, or throws a Jira 400 with field errors. */
function createFromBody(ctx: ApiContext, body: Obj): StoredIssue {
  const user = requireUser(ctx);
  const fields = mergeUpdateOps(isObj(body.fields) ? body.fields : {}, body.update, undefined);
  const projectRef = isObj(fields.project) ? (fields.project.key ?? fields.project.id) : undefined;
  const project = projectRef === undefined ? undefined : ctx.store.findProject(String(projectRef));
  if (project === undefined || !ctx.store.canBrowse(user, project.id)) {
    throw new JiraHttpError(400, [], { project: "Specify a valid project ID or key" });
  }
  if (fields.issuetype === undefined)
    throw new JiraHttpError(400, [], { issuetype: "Specify an issue type" });
  const { changes, errors, issueType } = translateFields(ctx, project, fields);
  if (fields.summary === undefined) errors.summary = "You must specify a summary of the issue.";
  if (Object.keys(errors).length > 0 || issueType === undefined) throw new JiraHttpError(400, [], errors);
  const type: SiteIssueType = issueType;
  if (type.subtask && changes.parent === undefined)
    throw new JiraHttpError(400, [], {
      parent: "Given parent work item does not belong to appropriate hierarchy.",
    });
  const { summary, issuetype: _type, reporter, timetracking: _tracking, ...rest } = changes;
  const reporterUser =
    isObj(reporter) && typeof reporter.accountId === "string"
      ? (ctx.store.users.get(reporter.accountId) ?? user)
      : user;
  const issue = createIssue(ctx.store, {
    project,
    issueType: type,
    summary: String(summary),
    reporter: reporterUser,
    at: ctx.store.now(),
    fields: { ...rest, creator: undefined },
  });
  issue.fields.creator = issue.fields.reporter;
  emitIssueEvent(ctx.state, ctx.links, "jira:issue_created", issue, user);
  return issue;
}

const created = (ctx: ApiContext, issue: StoredIssue) => ({
  id: issue.id,
  key: issue.key,
  self: `${ctx.links.api}/issue/${issue.id}`,
});

/** `POST /rest/api/3/issue`: 201 `{id, key, self}`. */
export async function createIssueHandler(ctx: ApiContext): Promise<Response> {
  const issue = createFromBody(ctx, await jsonBody(ctx));
  return json(201, created(ctx, issue));
}

/** `POST /rest/api/3/issue/bulk`: up to 50 issues; failures are listed per element. */
export async function bulkCreateIssues(ctx: ApiContext): Promise<Response> {
  requireUser(ctx);
  const body = await jsonBody(ctx);
  const updates = Array.isArray(body.issueUpdates) ? body.issueUpdates : [];
  if (updates.length > 50)
    throw new JiraHttpError(400, ["The number of issues to create exceeds the limit of 50."]);
  const issues: Obj[] = [];
  const errors: Obj[] = [];
  updates.forEach((update, failedElementNumber) => {
    try {
      issues.push(created(ctx, createFromBody(ctx, isObj(update) ? update : {})));
    } catch (error) {
      if (!(error instanceof JiraHttpError)) throw error;
      errors.push({
        status: error.status,
        elementErrors: { errorMessages: error.errorMessages, errors: error.errors },
        failedElementNumber,
      });
    }
  });
  return json(issues.length === 0 && errors.length > 0 ? 400 : 201, { issues, errors });
}
