import { MAX_ENTERED_NUMBER, NAMED_METRICS, PROGRESS_STATUSES } from "@goalpost/domain";
import { z } from "zod";
import { idSchema, pageOf } from "../schemas.ts";

/** Longest JQL accepted on a data source. */
export const MAX_JQL_LENGTH = 4000;

export const okrTitleSchema = z.string().trim().min(1, "required").max(200);
export const okrDescriptionSchema = z.string().max(5000);
export const weightSchema = z.number().positive("must be greater than 0").max(1000);
/** A number a person enters (check-in value, KPI start and target): finite and within ±10¹². */
export const enteredNumberSchema = z
  .number()
  .min(-MAX_ENTERED_NUMBER, "must be at least -1e12")
  .max(MAX_ENTERED_NUMBER, "must be at most 1e12");
export const periodNameSchema = z.string().trim().min(1, "required").max(100);

/** A numeric Jira custom field, by id. */
export const customFieldIdSchema = z
  .string()
  .regex(/^customfield_\d+$/, "must be a custom field id such as customfield_10042");

/** What a Jira-linked item tracks. */
export const metricSchema = z
  .union([z.enum(NAMED_METRICS), z.object({ customField: customFieldIdSchema }).strict()])
  .meta({ id: "Metric" });

/** How an item turns its metric into progress (`validateMeasure` refuses a KPI whose target equals its start). */
export const measureSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("percent") }).strict(),
    z
      .object({
        kind: z.literal("kpi"),
        unit: z.string().trim().max(30).optional(),
        start: enteredNumberSchema,
        target: enteredNumberSchema,
        completedOnly: z.boolean().default(false),
      })
      .strict(),
  ])
  .meta({ id: "Measure" });

/** Where a Jira-linked item reads its number. */
export const dataSourceSchema = z
  .object({
    kind: z.literal("jira"),
    connectionId: idSchema,
    jql: z.string().trim().min(1, "required").max(MAX_JQL_LENGTH),
    metric: metricSchema,
  })
  .strict()
  .meta({ id: "JiraDataSource" });

export const progressStatusSchema = z.enum(PROGRESS_STATUSES).meta({ id: "ProgressStatus" });

export const staleSchema = z
  .object({ code: z.string(), message: z.string(), since: z.date().nullable() })
  .meta({ id: "StaleReason", description: "Why the value may be out of date; the last good value is kept" });

/** The current state of a measured item. */
export const itemStateSchema = z
  .object({
    value: z.number().nullable().meta({ description: "The metric's own number (issues, hours, points, …)" }),
    progress: z.number().nullable().meta({ description: "Percent, unclamped; null when there is no data" }),
    expected: z.number().meta({ description: "Where progress should be now, in percent of the period" }),
    status: progressStatusSchema,
    syncedAt: z.date().nullable(),
    stale: staleSchema.nullable(),
    noDataReason: z.string().nullable(),
    noDataMessage: z.string().nullable(),
    issueCount: z.number().int().nullable(),
    doneCount: z.number().int().nullable(),
    refreshing: z.boolean().optional().meta({
      description:
        "Only in a refresh's 202 answer: Jira has not answered yet, the re-read goes on in the background",
    }),
  })
  .meta({ id: "ItemState" });

/** Projected value and progress at the end of the period (least squares over the history). */
export const forecastSchema = z
  .object({ value: z.number(), progress: z.number().nullable(), at: z.date() })
  .meta({ id: "Forecast" });

/** Why there is no forecast (the history is too short to mean anything), or null. */
export const forecastNoteSchema = z.string().nullable().meta({
  description:
    "Why there is no forecast (too few check-ins, or over too short a time); null when there is one",
});

export const periodSchema = z
  .object({
    id: z.string(),
    orgId: z.string(),
    name: z.string(),
    start: z.date(),
    end: z.date(),
    createdAt: z.date(),
  })
  .meta({ id: "Period" });

export const keyResultSchema = z
  .object({
    id: z.string(),
    orgId: z.string(),
    objectiveId: z.string(),
    periodId: z.string(),
    title: z.string(),
    ownerId: z.string().nullable(),
    weight: z.number(),
    measure: measureSchema,
    dataSource: dataSourceSchema.nullable(),
    state: itemStateSchema,
    forecast: forecastSchema.nullable(),
    forecastNote: forecastNoteSchema,
    canEdit: z.boolean().meta({ description: "Whether the caller may edit, delete and check in" }),
    createdBy: z.string().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: "KeyResult" });

export const objectiveSchema = z
  .object({
    id: z.string(),
    orgId: z.string(),
    periodId: z.string(),
    parentId: z.string().nullable().meta({ description: "The objective this one aligns to" }),
    childIds: z.array(z.string()).meta({ description: "Objectives aligned to this one" }),
    title: z.string(),
    description: z.string(),
    ownerId: z.string().nullable(),
    weight: z.number(),
    measure: measureSchema.nullable().meta({ description: "Set when the objective has its own data source" }),
    dataSource: dataSourceSchema.nullable(),
    state: itemStateSchema.meta({
      description: "From its own data source, else the weighted rollup of its key results",
    }),
    keyResults: z.array(keyResultSchema),
    forecast: forecastSchema.nullable(),
    forecastNote: forecastNoteSchema,
    canEdit: z.boolean(),
    createdBy: z.string().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: "Objective" });

/** Objectives of a period by status (the org summary), over the list's filters. */
export const statusSummarySchema = z
  .object({
    total: z.number().int(),
    not_started: z.number().int(),
    on_track: z.number().int(),
    behind: z.number().int(),
    at_risk: z.number().int(),
    achieved: z.number().int(),
  })
  .meta({ id: "StatusSummary" });

/** A key result in the goals list: what the list draws and edits; its forecast and audit fields are on its own page. */
export const keyResultListItemSchema = keyResultSchema
  .omit({
    orgId: true,
    periodId: true,
    forecast: true,
    forecastNote: true,
    createdBy: true,
    createdAt: true,
    updatedAt: true,
  })
  .meta({ id: "KeyResultListItem" });

/** An objective in the goals list: its aligned children, forecast and audit fields are on its own page. */
export const objectiveListItemSchema = objectiveSchema
  .omit({
    childIds: true,
    forecast: true,
    forecastNote: true,
    createdBy: true,
    createdAt: true,
    updatedAt: true,
    keyResults: true,
  })
  .extend({
    keyResults: z.array(keyResultListItemSchema),
    parentTitle: z
      .string()
      .nullable()
      .meta({ description: "The title of the objective it aligns to (`parentId`), so a page can name it" }),
  })
  .meta({ id: "ObjectiveListItem" });

export const objectivePageSchema = pageOf(objectiveListItemSchema).extend({ summary: statusSummarySchema });

export const checkInSchema = z
  .object({
    id: z.string(),
    source: z.enum(["jira", "manual", "rollup"]).meta({
      description: "`rollup`: an objective's progress derived from its key results' check-ins",
    }),
    author: z.object({ id: z.string(), name: z.string() }).nullable(),
    value: z.number().nullable(),
    progress: z.number().nullable(),
    issueCount: z.number().int().nullable(),
    doneCount: z.number().int().nullable(),
    note: z.string(),
    createdAt: z.date(),
  })
  .meta({ id: "CheckIn" });

/** An item's check-ins, oldest first, with the forecast at period end. */
export const historySchema = z
  .object({
    items: z.array(checkInSchema),
    forecast: forecastSchema.nullable(),
    forecastNote: forecastNoteSchema,
  })
  .meta({ id: "History" });

/** One Jira issue behind a key result's number. */
export const issueContributionSchema = z
  .object({
    key: z.string(),
    url: z.string(),
    summary: z.string(),
    statusName: z.string(),
    statusCategoryKey: z.string(),
    done: z.boolean(),
    value: z
      .number()
      .nullable()
      .meta({ description: "What the issue adds to the metric (1 for count, hours…)" }),
  })
  .meta({ id: "IssueContribution" });

export const issuesResponseSchema = z
  .object({
    items: z.array(issueContributionSchema),
    syncedAt: z.date().nullable().meta({ description: "When the issues were last read from Jira" }),
  })
  .meta({ id: "IssueContributions" });

export const createPeriodBody = z
  .object({ name: periodNameSchema, start: z.coerce.date(), end: z.coerce.date() })
  .strict();
export const updatePeriodBody = z
  .object({
    name: periodNameSchema.optional(),
    start: z.coerce.date().optional(),
    end: z.coerce.date().optional(),
  })
  .strict();

export const createObjectiveBody = z
  .object({
    title: okrTitleSchema,
    description: okrDescriptionSchema.default(""),
    periodId: idSchema,
    ownerId: idSchema.nullable().optional(),
    parentId: idSchema.nullable().optional(),
    weight: weightSchema.default(1),
    measure: measureSchema.nullable().optional(),
    dataSource: dataSourceSchema.nullable().optional(),
  })
  .strict();
export const updateObjectiveBody = z
  .object({
    title: okrTitleSchema.optional(),
    description: okrDescriptionSchema.optional(),
    periodId: idSchema.optional(),
    ownerId: idSchema.nullable().optional(),
    parentId: idSchema.nullable().optional(),
    weight: weightSchema.optional(),
    measure: measureSchema.nullable().optional(),
    dataSource: dataSourceSchema.nullable().optional(),
  })
  .strict();

export const createKeyResultBody = z
  .object({
    title: okrTitleSchema,
    ownerId: idSchema.nullable().optional(),
    weight: weightSchema.default(1),
    measure: measureSchema,
    dataSource: dataSourceSchema.nullable().optional(),
  })
  .strict();
export const updateKeyResultBody = z
  .object({
    title: okrTitleSchema.optional(),
    ownerId: idSchema.nullable().optional(),
    weight: weightSchema.optional(),
    measure: measureSchema.optional(),
    dataSource: dataSourceSchema.nullable().optional(),
  })
  .strict();

export const checkInBody = z
  .object({
    value: enteredNumberSchema.meta({
      description: "Percent for a percent measure, the KPI's value for a KPI",
    }),
    note: z.string().max(2000).default(""),
  })
  .strict();

/** Objectives per page of the goals list unless `limit` says otherwise (what the goals page shows at once). */
export const OBJECTIVES_PAGE_SIZE = 20;

export const objectiveListQuery = z
  .object({
    periodId: idSchema,
    ownerId: idSchema.optional(),
    status: progressStatusSchema.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(OBJECTIVES_PAGE_SIZE),
    cursor: z.string().min(1).max(500).optional(),
  })
  .strict();

export const orgParams = z.object({ orgId: idSchema });
export const idParams = z.object({ id: idSchema });
export const orgPeriodParams = z.object({ orgId: idSchema, id: idSchema });
