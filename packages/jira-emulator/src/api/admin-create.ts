/** Admin writes: `POST /rest/api/3/project` and `POST /rest/api/3/field` (custom fields). */
import { customField } from "../datasets/field-catalog.ts";
import { addProject } from "../datasets/site-template.ts";
import { type ApiContext, jsonBody, requireAdmin } from "../http/context.ts";
import { JiraHttpError, json } from "../http/respond.ts";
import { projectStyleForTemplate } from "./project-template.ts";

/** Creates a project: team-managed or company-managed as its template makes it (see `project-template.ts`). */
export async function createProject(ctx: ApiContext): Promise<Response> {
  const admin = requireAdmin(ctx);
  const body = await jsonBody(ctx);
  const key = typeof body.key === "string" ? body.key : "";
  const name = typeof body.name === "string" ? body.name : "";
  const errors: Record<string, string> = {};
  if (!/^[A-Z][A-Z0-9_]{1,9}$/.test(key)) {
    errors.projectKey =
      "Project keys must start with an uppercase letter, followed by one or more uppercase alphanumeric characters.";
  } else if (ctx.store.findProject(key) !== undefined) {
    errors.projectKey = `Project '${ctx.store.findProject(key)?.name ?? key}' uses this project key.`;
  }
  if (name.trim() === "") errors.projectName = "You must specify a valid project name.";
  else if ([...ctx.store.projects.values()].some((p) => p.name.toLowerCase() === name.toLowerCase())) {
    errors.projectName = "A project with that name already exists.";
  }
  const lead = typeof body.leadAccountId === "string" ? ctx.store.users.get(body.leadAccountId) : admin;
  if (lead === undefined) errors.projectLead = "The project lead specified does not exist.";
  if (Object.keys(errors).length > 0 || lead === undefined) throw new JiraHttpError(400, [], errors);
  const template = typeof body.projectTemplateKey === "string" ? body.projectTemplateKey : "";
  const project = addProject(ctx.store, {
    key,
    name,
    style: projectStyleForTemplate(template),
    lead,
    description: typeof body.description === "string" ? body.description : "",
  });
  lead.projectIds.add(project.id);
  return json(201, {
    self: `${ctx.links.api}/project/${project.id}`,
    id: Number(project.id),
    key: project.key,
  });
}

const SCHEMA_TYPES: Record<string, [string, string?]> = {
  float: ["number"],
  textfield: ["string"],
  textarea: ["string"],
  datepicker: ["date"],
  datetime: ["datetime"],
  select: ["option"],
  multiselect: ["array", "option"],
  labels: ["array", "string"],
  userpicker: ["user"],
  url: ["string"],
};

/** Creates a custom field (`type` like `com.atlassian.jira.plugin.system.customfieldtypes:float`). */
export async function createCustomField(ctx: ApiContext): Promise<Response> {
  requireAdmin(ctx);
  const body = await jsonBody(ctx);
  const name = typeof body.name === "string" ? body.name.trim() : "";
  const type = typeof body.type === "string" ? body.type : "";
  if (name === "") throw new JiraHttpError(400, [], { name: "The custom field name must not be empty." });
  const short = type.split(":").pop() ?? "";
  const schema = SCHEMA_TYPES[short];
  if (!type.includes(":") || schema === undefined)
    throw new JiraHttpError(400, [], { type: `Custom field type '${type}' is not valid.` });
  const id = ctx.store.nextId("customField");
  const field = customField(id, name, schema[0], type, schema[1]);
  ctx.store.fields.push(field);
  return json(201, field);
}
