import type { Measure } from "@goalpost/domain";
import type { Tx } from "../db/database.ts";
import type { StoredDataSource } from "../db/schema/index.ts";
import type { OkrDeps } from "../okrs/okr-deps.ts";
import { checkOwner } from "../okrs/okr-references.ts";
import { accessEditableItem, type MeasuredRow } from "./access-measured-item.ts";
import { measureAfter } from "./item-measure.ts";
import { requestSyncOf, stateAfterEdit, validateMeasured } from "./measured-edit.ts";
import { writeMeasuredEdit } from "./measured-item.repo.ts";
import type { MeasuredKind } from "./measured-kind.ts";
import { requireValidJql } from "./require-valid-jql.ts";

/** What an edit of any measured item may change: absent fields are left as they are; `null` clears. */
export interface MeasuredItemEdit {
  id: string;
  userId: string;
  title?: string | undefined;
  ownerId?: string | null | undefined;
  weight?: number | undefined;
  measure?: Measure | null | undefined;
  dataSource?: StoredDataSource | null | undefined;
}

/**
 * Edits a key result or objective (who may edit it, by its kind's rules). A new or changed data source, or a
 * changed measure on a Jira-linked item, empties its state and requests a sync in the same transaction; a
 * manual item keeps its value, re-measured; an objective losing its data source rolls up again. A new JQL is
 * checked with Jira before the transaction, once the caller is known to be allowed. `alsoInTransaction` edits
 * what only its kind has (an objective's period, parent, description) once the caller is authorised.
 */
export async function updateMeasuredItem(
  deps: OkrDeps,
  kind: MeasuredKind,
  input: MeasuredItemEdit,
  alsoInTransaction?: (tx: Tx, row: MeasuredRow) => Promise<void>,
): Promise<void> {
  const ref = { kind, id: input.id };
  if (input.dataSource) {
    // Who may not edit is refused before Jira is asked anything.
    const row = await accessEditableItem(deps.db, ref, input.userId);
    await requireValidJql(deps, {
      userId: input.userId,
      dataSource: input.dataSource,
      previous: row.dataSource,
    });
  }
  await deps.db.transaction(async (tx) => {
    const row = await accessEditableItem(tx, ref, input.userId);
    if (input.ownerId !== undefined) await checkOwner(tx, row.orgId, input.ownerId);
    await alsoInTransaction?.(tx, row);
    const dataSource = input.dataSource === undefined ? row.dataSource : input.dataSource;
    const measure = measureAfter(kind, input.measure, row.measure, dataSource);
    if (measure) {
      await validateMeasured(tx, {
        orgId: row.orgId,
        userId: input.userId,
        measure,
        dataSource,
        previous: row.dataSource,
      });
    }
    const state = stateAfterEdit(row, { measure, dataSource });
    await writeMeasuredEdit(tx, ref, {
      title: input.title,
      ownerId: input.ownerId,
      weight: input.weight,
      measure,
      dataSource,
      state: state.columns,
      updatedAt: deps.now(),
    });
    if (state.changed && dataSource) await requestSyncOf(deps.queue, dataSource, tx);
  });
}
