import { randomUUID } from "node:crypto";
import type { Measure } from "@goalpost/domain";
import { objectives, type StoredDataSource } from "../db/schema/index.ts";
import { requestSyncOf, validateMeasured } from "./measured-edit.ts";
import { objectiveMeasure } from "./objective-source.ts";
import { findObjective } from "./okr.repo.ts";
import { requireOkrViewer } from "./okr-access.ts";
import type { OkrDeps } from "./okr-deps.ts";
import { checkOwner, checkParent, requirePeriodOf } from "./okr-references.ts";
import { type ObjectiveView, presentObjectives, viewContext } from "./okr-views.ts";
import { requireValidJql } from "./require-valid-jql.ts";

/** Input of {@link createObjective}. */
export interface CreateObjectiveInput {
  orgId: string;
  userId: string;
  title: string;
  description: string;
  periodId: string;
  ownerId?: string | null | undefined;
  parentId?: string | null | undefined;
  weight: number;
  measure?: Measure | null | undefined;
  dataSource?: StoredDataSource | null | undefined;
}

/**
 * Adds an objective (any member; its creator may edit it). Owned by the caller unless told. With its own data
 * source, a sync of its query is requested in the same transaction.
 */
export async function createObjective(deps: OkrDeps, input: CreateObjectiveInput): Promise<ObjectiveView> {
  const viewer = await requireOkrViewer(deps.db, input.orgId, input.userId);
  const id = randomUUID();
  await requireValidJql(deps, { userId: input.userId, dataSource: input.dataSource ?? null });
  await deps.db.transaction(async (tx) => {
    await requirePeriodOf(tx, input.orgId, input.periodId);
    const ownerId = input.ownerId === undefined ? input.userId : input.ownerId;
    await checkOwner(tx, input.orgId, ownerId);
    await checkParent(tx, input.orgId, null, input.parentId);
    const dataSource = input.dataSource ?? null;
    const measure = objectiveMeasure(input.measure, dataSource);
    if (measure)
      await validateMeasured(tx, { orgId: input.orgId, userId: input.userId, measure, dataSource });
    const now = deps.now();
    await tx.insert(objectives).values({
      id,
      orgId: input.orgId,
      periodId: input.periodId,
      parentId: input.parentId ?? null,
      title: input.title,
      description: input.description,
      ownerId,
      weight: input.weight,
      createdBy: input.userId,
      createdAt: now,
      updatedAt: now,
      measure,
      dataSource,
      connectionId: dataSource?.connectionId ?? null,
    });
    if (dataSource) await requestSyncOf(deps.queue, dataSource, tx);
  });
  const row = await findObjective(deps.db, id);
  if (!row) throw new Error("objective insert lost");
  const [view] = await presentObjectives(
    deps.db,
    [row],
    await viewContext(deps.db, input.orgId, viewer, deps.now()),
  );
  if (!view) throw new Error("objective view lost");
  return view;
}
