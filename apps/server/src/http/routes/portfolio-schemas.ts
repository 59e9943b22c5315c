import { PORTFOLIO_ACTIONS, PORTFOLIO_ROLES } from "@goalpost/domain";
import { z } from "zod";
import { INITIATIVE_STATUSES } from "../../db/schema/index.ts";
import { idSchema } from "../schemas.ts";
import { deploymentSchema } from "./jira-schemas.ts";

export const portfolioParams = z.object({ id: idSchema });
export const projectKeySchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,49}$/, "must be a Jira project key such as AE");
export const issueKeySchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,49}-\d{1,12}$/, "must be a Jira issue key such as AE-786");
export const portfolioRoleSchema = z.enum(PORTFOLIO_ROLES);
export const portfolioNameSchema = z.string().trim().min(1, "required").max(120);
export const longTextSchema = z.string().max(5000);
export const searchQuerySchema = z.object({ query: z.string().trim().max(200).optional() }).strict();

const permissionSchema = z.object({ allowed: z.boolean(), reason: z.string().nullable() });

export const portfolioSchema = z
  .object({
    id: z.string(),
    orgId: z.string(),
    name: z.string(),
    description: z.string(),
    createdBy: z.string().nullable(),
    myRole: portfolioRoleSchema.nullable(),
    external: z.boolean().meta({ description: "The caller is a member from another organisation" }),
    permissions: z
      .object(
        Object.fromEntries(PORTFOLIO_ACTIONS.map((a) => [a, permissionSchema])) as Record<
          (typeof PORTFOLIO_ACTIONS)[number],
          typeof permissionSchema
        >,
      )
      .meta({ description: "What the caller may do, and the reason when not" }),
    jiraConfigured: z.boolean(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: "Portfolio" });

export const portfolioMemberSchema = z
  .object({
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    role: portfolioRoleSchema,
    external: z.boolean(),
    addedAt: z.date(),
  })
  .meta({ id: "PortfolioMember" });

const doneOfTotalSchema = z.object({ done: z.number(), total: z.number(), progress: z.number().nullable() });
const progressSchema = z.object({ byCount: doneOfTotalSchema, byStoryPoints: doneOfTotalSchema.nullable() });
const staleSchema = z.object({ code: z.string(), message: z.string(), since: z.date() }).nullable();

const dateSchema = z.iso.date("must be a date such as 2026-03-31");
export const initiativeStatusSchema = z.enum(INITIATIVE_STATUSES);
export const initiativeFieldsSchema = z.object({
  title: z.string().trim().min(1, "required").max(200),
  description: longTextSchema.default(""),
  ownerId: idSchema.nullable().default(null),
  status: initiativeStatusSchema.default("proposed"),
  startDate: dateSchema.nullable().default(null),
  dueDate: dateSchema.nullable().default(null),
});

export const initiativeSchema = z
  .object({
    id: z.string(),
    portfolioId: z.string(),
    title: z.string(),
    description: z.string(),
    owner: z.object({ id: z.string(), name: z.string() }).nullable(),
    status: initiativeStatusSchema,
    startDate: z.string().nullable(),
    dueDate: z.string().nullable(),
    progress: progressSchema,
    epicCount: z.number(),
    syncedAt: z.date().nullable(),
    hasStaleEpics: z.boolean(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: "Initiative" });

export const epicSchema = z
  .object({
    key: z.string(),
    initiativeId: z.string(),
    projectKey: z.string(),
    url: z.string(),
    summary: z.string(),
    status: z.object({ name: z.string(), category: z.string() }),
    progress: progressSchema,
    syncedAt: z.date().nullable(),
    stale: staleSchema,
    linkedAt: z.date(),
  })
  .meta({ id: "LinkedEpic" });

export const jiraConfigSchema = z
  .object({
    portfolioId: z.string(),
    connection: z
      .object({ id: z.string(), name: z.string(), kind: z.enum(["portfolio", "organisation"]) })
      .describe(
        "The Jira connection epics are read through: the portfolio's own (`portfolio`) or an organisation connection",
      ),
    baseUrl: z.string(),
    deployment: deploymentSchema,
    email: z.string().describe("The Cloud account's e-mail (empty on Data Center)"),
    account: z.object({ accountId: z.string(), displayName: z.string() }).nullable(),
    configuredBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    configuredAt: z.date(),
    updatedAt: z.date(),
    lastSyncAt: z.date().nullable(),
    nextSyncAt: z.date().nullable(),
    health: z.enum(["healthy", "unhealthy"]),
    error: staleSchema,
    projectCount: z.number(),
    inaccessibleProjectKeys: z.array(z.string()),
    refreshing: z.boolean().optional().meta({
      description:
        "Only in a refresh's 202 answer: Jira has not answered yet, the re-read goes on in the background",
    }),
  })
  .meta({ id: "PortfolioJiraConfiguration" });

export const jiraProjectSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    name: z.string(),
    projectTypeKey: z.string().optional(),
    avatarUrl: z.string().optional(),
  })
  .meta({ id: "JiraProject" });

export const linkedProjectSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    name: z.string(),
    avatarUrl: z.string().nullable(),
    url: z.string(),
    accessible: z.boolean(),
    inaccessibleSince: z.date().nullable(),
    linkedAt: z.date(),
  })
  .meta({ id: "LinkedJiraProject" });

export const cascadePreviewSchema = z
  .object({
    projects: z.array(z.object({ key: z.string(), name: z.string() })),
    epics: z.array(
      z.object({
        key: z.string(),
        summary: z.string(),
        projectKey: z.string(),
        initiativeId: z.string(),
        initiativeTitle: z.string(),
      }),
    ),
  })
  .meta({ id: "JiraCascadePreview" });

export const epicChoiceSchema = z
  .object({
    key: z.string(),
    summary: z.string(),
    projectKey: z.string(),
    status: z.object({ name: z.string(), category: z.string() }),
    url: z.string(),
  })
  .meta({ id: "JiraEpicChoice" });

/** `{ items }` around a bounded list (never paged). */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item) });
}
