import { randomUUID } from "node:crypto";
import type { Measure } from "@goalpost/domain";
import type { Db, Tx } from "../db/database.ts";
import type { StoredDataSource } from "../db/schema/index.ts";
import { accessObjective, requireEditObjective, requireOkrViewer } from "../okrs/okr-access.ts";
import type { OkrDeps } from "../okrs/okr-deps.ts";
import { checkOwner, checkParent, requirePeriodOf } from "../okrs/okr-references.ts";
import { measureAfter } from "./item-measure.ts";
import { requestSyncOf, validateMeasured } from "./measured-edit.ts";
import { insertMeasuredItem } from "./measured-item.repo.ts";
import { requireValidJql } from "./require-valid-jql.ts";

/** Where a new item goes: a key result under its objective; an objective in its org's period, maybe aligned. */
export type MeasuredPlacement =
  | { kind: "key_result"; objectiveId: string }
  | { kind: "objective"; orgId: string; periodId: string; parentId: string | null; description: string };

/** Input of {@link createMeasuredItem}. */
export interface CreateMeasuredInput {
  userId: string;
  title: string;
  ownerId?: string | null | undefined;
  weight: number;
  measure?: Measure | null | undefined;
  dataSource?: StoredDataSource | null | undefined;
  placement: MeasuredPlacement;
}

/**
 * Authorises a new item where it goes and returns its org: a key result needs who may edit its objective
 * (`forbidden`), an objective any member of the org; `not_found` for what the caller cannot see. An
 * objective's period and parent are checked in the transaction.
 */
async function authorisePlacement(
  db: Db | Tx,
  placement: MeasuredPlacement,
  userId: string,
): Promise<string> {
  if (placement.kind === "key_result") {
    const { objective, viewer } = await accessObjective(db, placement.objectiveId, userId);
    requireEditObjective(viewer, objective);
    return objective.orgId;
  }
  await requireOkrViewer(db, placement.orgId, userId);
  return placement.orgId;
}

/**
 * Adds a key result or objective, owned by the caller unless told. Jira-linked: its JQL is checked with Jira
 * first (once the caller is known to be allowed) and a sync of its query is requested in the same
 * transaction; otherwise it waits for manual check-ins (a key result) or rolls up (an objective). Returns the
 * new item's id.
 */
export async function createMeasuredItem(deps: OkrDeps, input: CreateMeasuredInput): Promise<string> {
  const id = randomUUID();
  const { placement } = input;
  const dataSource = input.dataSource ?? null;
  if (dataSource) {
    // Who may not create here is refused before Jira is asked anything.
    await authorisePlacement(deps.db, placement, input.userId);
    await requireValidJql(deps, { userId: input.userId, dataSource });
  }
  await deps.db.transaction(async (tx) => {
    const orgId = await authorisePlacement(tx, placement, input.userId);
    if (placement.kind === "objective") await requirePeriodOf(tx, orgId, placement.periodId);
    const ownerId = input.ownerId === undefined ? input.userId : input.ownerId;
    // The caller's membership was just checked; another owner must be a member too.
    if (ownerId !== input.userId) await checkOwner(tx, orgId, ownerId);
    if (placement.kind === "objective") await checkParent(tx, orgId, null, placement.parentId);
    const measure = measureAfter(placement.kind, input.measure, null, dataSource);
    if (measure) await validateMeasured(tx, { orgId, userId: input.userId, measure, dataSource });
    const item = { id, orgId, title: input.title, ownerId, weight: input.weight, measure, dataSource };
    await insertMeasuredItem(tx, { ...item, ...placement, createdBy: input.userId, createdAt: deps.now() });
    if (dataSource) await requestSyncOf(deps.queue, dataSource, tx);
  });
  return id;
}
