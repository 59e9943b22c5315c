/**
 * `GET|PUT configuration/timetracking`, `GET configuration/timetracking/list` and
 * `GET|PUT configuration/timetracking/options`: site administration, site admins only (403 otherwise).
 */
import { type ApiContext, jsonBody, requireAdmin } from "../http/context.ts";
import { JiraHttpError, json, noContent } from "../http/respond.ts";
import type { TimeTrackingSettings } from "../store/types.ts";

/** The one provider a site without time tracking apps has. */
const JIRA_PROVIDER = {
  key: "JIRA",
  name: "JIRA provided time tracking",
  url: "/secure/admin/TimeTrackingAdmin!default.jspa",
};

/** `GET`: the selected provider, or 204 when time tracking is off. */
export function getSelectedTimeTracking(ctx: ApiContext): Response {
  requireAdmin(ctx);
  if (ctx.store.timeTracking.provider === null) return noContent();
  return json(200, JIRA_PROVIDER);
}

/** `PUT {key}`: selects a provider (only `JIRA` exists); 400 for any other key. */
export async function selectTimeTracking(ctx: ApiContext): Promise<Response> {
  requireAdmin(ctx);
  const body = await jsonBody(ctx);
  if (body.key !== JIRA_PROVIDER.key)
    throw new JiraHttpError(400, [`Time tracking provider with key '${String(body.key)}' not found.`]);
  ctx.store.timeTracking.provider = JIRA_PROVIDER.key;
  return noContent();
}

/** `GET list`: every provider. */
export function listTimeTrackingProviders(ctx: ApiContext): Response {
  requireAdmin(ctx);
  return json(200, [JIRA_PROVIDER]);
}

/** `GET options`: hours per day, days per week, display format and default unit. */
export function getTimeTrackingOptions(ctx: ApiContext): Response {
  requireAdmin(ctx);
  return json(200, ctx.store.timeTracking.options);
}

type Options = TimeTrackingSettings["options"];
const FORMATS: readonly Options["timeFormat"][] = ["pretty", "days", "hours"];
const UNITS: readonly Options["defaultUnit"][] = ["minute", "hour", "day", "week"];

/** Reads and checks a `TimeTrackingConfiguration` body; 400 naming the offending fields. */
export function parseTimeTrackingOptions(body: Record<string, unknown>): Options {
  const errors: Record<string, string> = {};
  const { workingHoursPerDay: hours, workingDaysPerWeek: days, timeFormat, defaultUnit } = body;
  if (typeof hours !== "number" || !(hours > 0 && hours <= 24))
    errors.workingHoursPerDay = "Working hours per day must be a number greater than 0 and at most 24.";
  if (typeof days !== "number" || !(days > 0 && days <= 7))
    errors.workingDaysPerWeek = "Working days per week must be a number greater than 0 and at most 7.";
  const format = FORMATS.find((f) => f === timeFormat);
  if (format === undefined) errors.timeFormat = `Time format must be one of ${FORMATS.join(", ")}.`;
  const unit = UNITS.find((u) => u === defaultUnit);
  if (unit === undefined) errors.defaultUnit = `Default unit must be one of ${UNITS.join(", ")}.`;
  if (typeof hours !== "number" || typeof days !== "number" || format === undefined || unit === undefined)
    throw new JiraHttpError(400, [], errors);
  if (Object.keys(errors).length > 0) throw new JiraHttpError(400, [], errors);
  return { workingHoursPerDay: hours, workingDaysPerWeek: days, timeFormat: format, defaultUnit: unit };
}

/** `PUT options`: stores the settings and answers with them. */
export async function setTimeTrackingOptions(ctx: ApiContext): Promise<Response> {
  requireAdmin(ctx);
  const options = parseTimeTrackingOptions(await jsonBody(ctx));
  ctx.store.timeTracking.options = options;
  return json(200, options);
}
