import type { Measure } from "@goalpost/domain";
import type { StoredDataSource } from "../db/schema/index.ts";
import { createMeasuredItem } from "../measured/create-measured-item.ts";
import { findObjective } from "./okr.repo.ts";
import { requireOkrViewer } from "./okr-access.ts";
import type { OkrDeps } from "./okr-deps.ts";
import { type ObjectiveView, presentObjectives, viewContext } from "./okr-views.ts";

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
 * Adds an objective (any member; its creator may edit it): {@link createMeasuredItem} in its period, aligned
 * to its parent when told; returns its view.
 */
export async function createObjective(deps: OkrDeps, input: CreateObjectiveInput): Promise<ObjectiveView> {
  const viewer = await requireOkrViewer(deps.db, input.orgId, input.userId);
  const { orgId, periodId, parentId, description, ...item } = input;
  const placement = { kind: "objective" as const, orgId, periodId, parentId: parentId ?? null, description };
  const id = await createMeasuredItem(deps, { ...item, placement });
  const row = await findObjective(deps.db, id);
  if (!row) throw new Error("objective insert lost");
  const [view] = await presentObjectives(
    deps.db,
    [row],
    await viewContext(deps.db, orgId, viewer, deps.now()),
  );
  if (!view) throw new Error("objective view lost");
  return view;
}
