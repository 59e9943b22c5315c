/**
 * The emulator-only admin API, in-process (`emulator.admin`) and over HTTP under `/_emulator/`:
 * reset, dataset load, faults, request log, clock (time travel), webhook deliveries.
 */

import { type DatasetSpec, loadDataset } from "../datasets/index.ts";
import { makeUser } from "../datasets/site-template.ts";
import type { EmulatorState } from "../emulator-state.ts";
import { defaultFaults, type FaultConfig, validateFaults } from "../faults/fault-config.ts";
import type { RequestLogEntry } from "../faults/request-log.ts";
import { SiteStore } from "../store/site-store.ts";
import type { DeliveryRecord } from "../webhooks/dispatcher.ts";

/** A site admin given on the command line or in options (`email:token`). */
export interface AdminUserSpec {
  email: string;
  token: string;
  displayName?: string;
}

/** The in-process admin handle. */
export interface EmulatorAdmin {
  /** The live site (read it or change it directly in tests). */
  readonly store: SiteStore;
  /** Replaces the site with a fresh dataset; faults and log are cleared; admin users are re-added. */
  reset(dataset?: DatasetSpec): void;
  /** Merges fault settings. */
  setFaults(faults: Partial<FaultConfig>): FaultConfig;
  /** Clears every fault. */
  clearFaults(): void;
  readonly faults: FaultConfig;
  /** The request log (oldest first). */
  requestLog(): readonly RequestLogEntry[];
  clearRequestLog(): void;
  /** Time travel: sets the site clock to an instant (it keeps running from there), or shifts it. */
  setClock(to: Date | { advanceMs: number }): Date;
  /** Adds a site admin with an API token. */
  addAdmin(user: AdminUserSpec): void;
  /** Webhook delivery attempts so far. */
  webhookDeliveries(): readonly DeliveryRecord[];
  /** Resolves when pending webhook deliveries (with retries) are done. */
  webhooksIdle(): Promise<void>;
}

/** Builds the admin handle over mutable emulator state. */
export function createAdmin(
  state: EmulatorState,
  admins: AdminUserSpec[],
  initial: DatasetSpec,
): EmulatorAdmin {
  const addAdmin = (spec: AdminUserSpec) => {
    const name = spec.displayName ?? spec.email.split("@")[0] ?? spec.email;
    makeUser(state.store, {
      email: spec.email,
      displayName: name.charAt(0).toUpperCase() + name.slice(1),
      token: spec.token,
      siteAdmin: true,
    });
  };
  const load = (dataset: DatasetSpec) => {
    loadDataset(state.store, dataset, state.deployment);
    for (const spec of admins) addAdmin(spec);
  };
  load(initial);
  return {
    get store() {
      return state.store;
    },
    get faults() {
      return state.faults;
    },
    reset(dataset = initial) {
      state.store = new SiteStore();
      state.faults = defaultFaults();
      state.log.length = 0;
      state.recentRequests = [];
      load(dataset);
    },
    setFaults(faults) {
      state.faults = { ...state.faults, ...validateFaults(faults) };
      return state.faults;
    },
    clearFaults() {
      state.faults = defaultFaults();
    },
    requestLog: () => state.log,
    clearRequestLog() {
      state.log.length = 0;
    },
    setClock(to) {
      const target = to instanceof Date ? to.getTime() : state.store.now().getTime() + to.advanceMs;
      state.store.clockOffsetMs = target - (state.store.frozenAt ?? Date.now());
      return state.store.now();
    },
    addAdmin(user) {
      admins.push(user);
      addAdmin(user);
    },
    webhookDeliveries: () => state.webhooks.deliveries,
    webhooksIdle: () => state.webhooks.idle(),
  };
}
