import type { Db } from "../db/database.ts";
import { alignedChildrenOf } from "./alignment.repo.ts";
import { forecastOf, NO_FORECAST } from "./item-forecast.ts";
import { listCheckIns, listKeyResultsOf } from "./okr.repo.ts";
import { accessObjective } from "./okr-access.ts";
import { type ObjectiveView, objectiveView, viewContext } from "./okr-views.ts";

/** An objective with its key results, progress, status and aligned children (its forecast with its own data source). */
export async function getObjective(
  db: Db,
  input: { id: string; userId: string; now: Date },
): Promise<ObjectiveView> {
  const { objective, period, viewer } = await accessObjective(db, input.id, input.userId);
  const context = await viewContext(db, objective.orgId, viewer, input.now);
  const keyResults = await listKeyResultsOf(db, [objective.id]);
  const children = await alignedChildrenOf(db, [objective.id]);
  const forecast = objective.dataSource
    ? forecastOf(
        await listCheckIns(db, { objectiveId: objective.id }),
        objective.measure,
        period,
        objective.dataSource.metric,
      )
    : NO_FORECAST;
  return objectiveView(objective, keyResults, children.get(objective.id) ?? [], period, context, forecast);
}
