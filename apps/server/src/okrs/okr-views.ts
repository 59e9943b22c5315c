import { canEditOkr, type Measure, type OkrViewer } from "@goalpost/domain";
import type { Db } from "../db/database.ts";
import type { StoredDataSource } from "../db/schema/index.ts";
import { isJiraEnabled } from "../jira-connections/jira-integration.repo.ts";
import { type AlignedChild, alignedChildrenOf } from "./alignment.repo.ts";
import { type Forecast, type ItemForecast, NO_FORECAST } from "./item-forecast.ts";
import { type ItemState, measuredState, rolledUpState, type StateContext } from "./item-state.ts";
import {
  findPeriod,
  type KeyResultRow,
  listKeyResultsOf,
  type ObjectiveRow,
  type PeriodRow,
} from "./okr.repo.ts";

/** A key result as the API shows it. */
export interface KeyResultView {
  id: string;
  orgId: string;
  objectiveId: string;
  periodId: string;
  title: string;
  ownerId: string | null;
  weight: number;
  measure: Measure;
  dataSource: StoredDataSource | null;
  state: ItemState;
  forecast: Forecast | null;
  /** Why there is no forecast (too little history), or null. */
  forecastNote: string | null;
  canEdit: boolean;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** An objective as the API shows it: its key results, aligned children and state. */
export interface ObjectiveView {
  id: string;
  orgId: string;
  periodId: string;
  parentId: string | null;
  childIds: string[];
  title: string;
  description: string;
  ownerId: string | null;
  weight: number;
  measure: Measure | null;
  dataSource: StoredDataSource | null;
  state: ItemState;
  keyResults: KeyResultView[];
  forecast: Forecast | null;
  /** Why there is no forecast (too little history), or null. */
  forecastNote: string | null;
  canEdit: boolean;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What views are computed against. */
export interface ViewContext {
  viewer: OkrViewer;
  now: Date;
  jiraEnabled: boolean;
}

/** The view context of `viewer` in `orgId` now. */
export async function viewContext(db: Db, orgId: string, viewer: OkrViewer, now: Date): Promise<ViewContext> {
  return { viewer, now, jiraEnabled: await isJiraEnabled(db, orgId) };
}

/** Presents a key result of `objective` (in `period`). */
export function keyResultView(
  row: KeyResultRow,
  objective: ObjectiveRow,
  period: PeriodRow,
  context: ViewContext,
  forecast: ItemForecast = NO_FORECAST,
): KeyResultView {
  const state: StateContext = { period, now: context.now, jiraEnabled: context.jiraEnabled };
  return {
    id: row.id,
    orgId: row.orgId,
    objectiveId: row.objectiveId,
    periodId: period.id,
    title: row.title,
    ownerId: row.ownerId,
    weight: row.weight,
    measure: row.measure ?? { kind: "percent" },
    dataSource: row.dataSource,
    state: measuredState(row, state),
    forecast: forecast.forecast,
    forecastNote: forecast.forecastNote,
    canEdit: canEditOkr(context.viewer, row, objective),
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * Presents an objective with its key results: its own data source's state, else the weighted rollup of its key
 * results and aligned objectives.
 */
export function objectiveView(
  row: ObjectiveRow,
  keyResults: readonly KeyResultRow[],
  aligned: readonly AlignedChild[],
  period: PeriodRow,
  context: ViewContext,
  forecast: ItemForecast = NO_FORECAST,
): ObjectiveView {
  const krViews = keyResults.map((kr) => keyResultView(kr, row, period, context));
  const stateContext: StateContext = { period, now: context.now, jiraEnabled: context.jiraEnabled };
  return {
    id: row.id,
    orgId: row.orgId,
    periodId: row.periodId,
    parentId: row.parentId,
    childIds: aligned.map((child) => child.id),
    title: row.title,
    description: row.description,
    ownerId: row.ownerId,
    weight: row.weight,
    measure: row.dataSource ? (row.measure ?? { kind: "percent" }) : null,
    dataSource: row.dataSource,
    state: row.dataSource ? measuredState(row, stateContext) : rolledUpState(krViews, stateContext, aligned),
    keyResults: krViews,
    forecast: forecast.forecast,
    forecastNote: forecast.forecastNote,
    canEdit: canEditOkr(context.viewer, row),
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Presents objectives (of one org) with their key results and children, in the order given. */
export async function presentObjectives(
  db: Db,
  rows: readonly ObjectiveRow[],
  context: ViewContext,
): Promise<ObjectiveView[]> {
  const ids = rows.map((row) => row.id);
  const keyResults = await listKeyResultsOf(db, ids);
  const children = await alignedChildrenOf(db, ids);
  const periods = new Map<string, PeriodRow>();
  for (const periodId of new Set(rows.map((row) => row.periodId))) {
    const period = await findPeriod(db, periodId);
    if (period) periods.set(periodId, period);
  }
  const byObjective = new Map<string, KeyResultRow[]>();
  for (const kr of keyResults) {
    const list = byObjective.get(kr.objectiveId);
    if (list) list.push(kr);
    else byObjective.set(kr.objectiveId, [kr]);
  }
  return rows.flatMap((row) => {
    const period = periods.get(row.periodId);
    if (!period) return [];
    const own = byObjective.get(row.id) ?? [];
    return [objectiveView(row, own, children.get(row.id) ?? [], period, context)];
  });
}
