/** HTTP form of the admin API under `/_emulator/` (no Jira auth; keep the emulator off public networks). */
import type { DatasetSpec } from "../datasets/index.ts";
import { FaultConfigError, validateFaults } from "../faults/fault-config.ts";
import { type ApiContext, jsonBody } from "../http/context.ts";
import { JiraHttpError, json, noContent } from "../http/respond.ts";
import { Router } from "../http/router.ts";
import type { EmulatorAdmin } from "./admin-api.ts";

/** Parses a dataset given as `"demo"`, `"empty"` or `{name: "generated", seed, issues}`. */
export function parseDataset(value: unknown): DatasetSpec | undefined {
  if (value === undefined) return undefined;
  if (value === "demo" || value === "empty") return { name: value };
  if (value !== null && typeof value === "object") {
    const spec = value as Record<string, unknown>;
    if (spec.name === "demo" || spec.name === "empty") return { name: spec.name };
    if (spec.name === "generated") {
      return {
        name: "generated",
        seed: typeof spec.seed === "number" || typeof spec.seed === "string" ? spec.seed : 1,
        issues: typeof spec.issues === "number" ? spec.issues : 1000,
        ...(typeof spec.projects === "number" ? { projects: spec.projects } : {}),
        ...(typeof spec.anchor === "string" ? { anchor: new Date(spec.anchor) } : {}),
      };
    }
  }
  throw new JiraHttpError(400, [`Unknown dataset: ${JSON.stringify(value)}`]);
}

/** Builds the admin router. */
export function adminRoutes(admin: EmulatorAdmin): Router<ApiContext> {
  return new Router<ApiContext>()
    .add("GET", "/_emulator/health", (ctx) =>
      json(200, {
        ok: true,
        issues: ctx.state.store.issues.size,
        projects: ctx.state.store.projects.size,
        jqlEngine: ctx.state.jql.name,
      }),
    )
    .add("POST", "/_emulator/reset", async (ctx) => {
      const body = await jsonBody(ctx);
      admin.reset(parseDataset(body.dataset));
      return json(200, { ok: true, issues: admin.store.issues.size });
    })
    .add("GET", "/_emulator/faults", () => json(200, admin.faults))
    .add("PUT", "/_emulator/faults", async (ctx) => {
      try {
        return json(200, admin.setFaults(validateFaults(await jsonBody(ctx))));
      } catch (error) {
        if (error instanceof FaultConfigError) throw new JiraHttpError(400, [error.message]);
        throw error;
      }
    })
    .add("DELETE", "/_emulator/faults", () => {
      admin.clearFaults();
      return noContent();
    })
    .add("GET", "/_emulator/requests", () => json(200, admin.requestLog()))
    .add("DELETE", "/_emulator/requests", () => {
      admin.clearRequestLog();
      return noContent();
    })
    .add("GET", "/_emulator/clock", () => json(200, { now: admin.store.now().toISOString() }))
    .add("POST", "/_emulator/clock", async (ctx) => {
      const body = await jsonBody(ctx);
      const now =
        typeof body.to === "string"
          ? admin.setClock(new Date(body.to))
          : admin.setClock({ advanceMs: typeof body.advanceMs === "number" ? body.advanceMs : 0 });
      return json(200, { now: now.toISOString() });
    })
    .add("POST", "/_emulator/users", async (ctx) => {
      const body = await jsonBody(ctx);
      if (typeof body.email !== "string" || typeof body.token !== "string")
        throw new JiraHttpError(400, ["email and token are required"]);
      admin.addAdmin({ email: body.email, token: body.token });
      return json(201, { ok: true });
    })
    .add("GET", "/_emulator/webhook-deliveries", () => json(200, admin.webhookDeliveries()));
}
