/** Dataset loading by name: `empty`, `demo`, or `generated` (seed + size). */
import type { SiteStore } from "../store/site-store.ts";
import { toDataCenterForm } from "./data-center-form.ts";
import { loadDemo } from "./demo.ts";
import { generateSite } from "./generate.ts";
import { installSiteTemplate } from "./site-template.ts";

/** Which dataset to load. */
export type DatasetSpec =
  | { name: "empty" }
  | { name: "demo"; anchor?: Date; seed?: number | string; issues?: number }
  | { name: "generated"; seed: number | string; issues: number; projects?: number; anchor?: Date };

/** Loads a dataset into a store (which should be empty), in Data Center form when asked. */
export function loadDataset(
  store: SiteStore,
  spec: DatasetSpec,
  deployment: "cloud" | "data-center" = "cloud",
): void {
  installSiteTemplate(store);
  if (spec.name === "demo") {
    const { anchor, seed, issues } = spec;
    loadDemo(store, {
      ...(anchor === undefined ? {} : { anchor }),
      ...(seed === undefined ? {} : { seed }),
      ...(issues === undefined ? {} : { issues }),
    });
  }
  if (spec.name === "generated") generateSite(store, spec);
  if (deployment === "data-center") toDataCenterForm(store);
}

export { DEMO_USERS } from "./demo.ts";
export { generateSite, startOfUtcDay } from "./generate.ts";
export { addProject, makeUser } from "./site-template.ts";
