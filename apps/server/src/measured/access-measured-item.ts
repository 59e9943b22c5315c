import type { OkrViewer } from "@goalpost/domain";
import type { Db, Tx } from "../db/database.ts";
import type { KeyResultRow, ObjectiveRow } from "../okrs/okr.repo.ts";
import {
  accessKeyResult,
  accessObjective,
  requireEditKeyResult,
  requireEditObjective,
} from "../okrs/okr-access.ts";
import type { MeasuredItemRef } from "./measured-kind.ts";

/** A measured item's row, whatever its kind. */
export type MeasuredRow = KeyResultRow | ObjectiveRow;

/** A measured item the caller can see: its row, and whether they may edit it. */
export interface MeasuredAccess {
  row: MeasuredRow;
  viewer: OkrViewer;
  /** Throws `forbidden` unless the caller may edit the item (the rules of its kind, `canEditOkr`). */
  requireEdit(): void;
}

/**
 * A key result or objective the caller can see, through the OKR access functions of its kind (one query), or
 * `not_found`: the one way the measured-item use cases load and authorise an item.
 */
export async function accessMeasuredItem(
  db: Db | Tx,
  ref: MeasuredItemRef,
  userId: string,
): Promise<MeasuredAccess> {
  if (ref.kind === "key_result") {
    const { keyResult, objective, viewer } = await accessKeyResult(db, ref.id, userId);
    return { row: keyResult, viewer, requireEdit: () => requireEditKeyResult(viewer, keyResult, objective) };
  }
  const { objective, viewer } = await accessObjective(db, ref.id, userId);
  return { row: objective, viewer, requireEdit: () => requireEditObjective(viewer, objective) };
}

/** {@link accessMeasuredItem} for an edit: `forbidden` unless the caller may edit it. */
export async function accessEditableItem(
  db: Db | Tx,
  ref: MeasuredItemRef,
  userId: string,
): Promise<MeasuredRow> {
  const access = await accessMeasuredItem(db, ref, userId);
  access.requireEdit();
  return access.row;
}
