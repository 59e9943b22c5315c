import { addError, addMissingValue, type CompileContext } from "./compile-context.ts";
import { type BoundaryUnit, boundary } from "./dates.ts";
import { validation } from "./messages.ts";

/** What a JQL function yields. */
export type FunctionValue =
  | { type: "date"; epoch: number }
  | { type: "users"; ids: string[] }
  | { type: "sprints"; ids: string[] }
  | { type: "issues"; keys: string[] }
  | { type: "versions"; ids: string[] }
  | { type: "issuetypes"; ids: string[] };

interface FunctionDef {
  name: string;
  min: number;
  max: number;
  run(args: string[], ctx: CompileContext): FunctionValue | undefined;
}

const defs: FunctionDef[] = [
  { name: "now", min: 0, max: 0, run: (_a, ctx) => ({ type: "date", epoch: ctx.now.getTime() }) },
  {
    name: "currentUser",
    min: 0,
    max: 0,
    run: (_a, ctx) => ({
      type: "users",
      ids: ctx.index.site.currentAccountId ? [ctx.index.site.currentAccountId] : [],
    }),
  },
  {
    name: "membersOf",
    min: 1,
    max: 1,
    run: (args, ctx) => {
      const group = args[0] ?? "";
      const members = ctx.index.groups.get(group.toLowerCase());
      if (!members) {
        addMissingValue(
          ctx,
          `Function 'membersOf' can not generate a list of usernames for group '${group}'; the group does not exist.`,
        );
        return undefined;
      }
      return { type: "users", ids: [...members] };
    },
  },
  { name: "openSprints", min: 0, max: 0, run: (_a, ctx) => sprints(ctx, "active") },
  { name: "closedSprints", min: 0, max: 0, run: (_a, ctx) => sprints(ctx, "closed") },
  { name: "futureSprints", min: 0, max: 0, run: (_a, ctx) => sprints(ctx, "future") },
  {
    name: "issueHistory",
    min: 0,
    max: 0,
    run: (_a, ctx) => ({
      type: "issues",
      keys: (ctx.index.site.viewedIssueKeys ?? []).map((k) => k.toUpperCase()),
    }),
  },
  { name: "releasedVersions", min: 0, max: 1, run: (args, ctx) => versions(args, ctx, true) },
  { name: "unreleasedVersions", min: 0, max: 1, run: (args, ctx) => versions(args, ctx, false) },
  {
    name: "standardIssueTypes",
    min: 0,
    max: 0,
    run: (_a, ctx) => ({
      type: "issuetypes",
      ids: ctx.index.site.issueTypes
        .filter((t) => !t.subtask && (t.hierarchyLevel ?? 0) >= 0)
        .map((t) => t.id),
    }),
  },
  {
    name: "subTaskIssueTypes",
    min: 0,
    max: 0,
    run: (_a, ctx) => ({
      type: "issuetypes",
      ids: ctx.index.site.issueTypes.filter((t) => t.subtask || t.hierarchyLevel === -1).map((t) => t.id),
    }),
  },
];

for (const kind of ["start", "end"] as const) {
  for (const unit of ["day", "week", "month", "year"] as const) {
    const name = `${kind}Of${unit[0]?.toUpperCase()}${unit.slice(1)}`;
    defs.push({ name, min: 0, max: 1, run: (args, ctx) => dateBoundary(name, kind, unit, args, ctx) });
  }
}

const byName = new Map(defs.map((d) => [d.name.toLowerCase(), d]));

/** Every supported function's canonical name, for `jql/autocompletedata`. */
export function supportedFunctionNames(): string[] {
  return defs.map((d) => d.name);
}

/** The canonical spelling of a supported function, or `undefined`. */
export function functionName(name: string): string | undefined {
  return byName.get(name.toLowerCase())?.name;
}

/**
 * Evaluates a JQL function call at compile time (Jira evaluates functions once per search).
 * Unknown functions and bad arguments are reported with Jira's wording and yield `undefined`.
 */
export function callFunction(name: string, args: string[], ctx: CompileContext): FunctionValue | undefined {
  const def = byName.get(name.toLowerCase());
  if (!def) {
    addError(ctx, validation.unknownFunction(name));
    return undefined;
  }
  if (args.length < def.min || args.length > def.max) {
    addError(ctx, validation.functionArgumentCount(def.name, def.min, def.max, args.length));
    return undefined;
  }
  return def.run(args, ctx);
}

function sprints(ctx: CompileContext, state: "active" | "closed" | "future"): FunctionValue {
  return {
    type: "sprints",
    ids: ctx.index.site.sprints.filter((s) => s.state === state).map((s) => String(s.id)),
  };
}

function versions(args: string[], ctx: CompileContext, released: boolean): FunctionValue | undefined {
  let projectIds: Set<string> | undefined;
  const project = args[0];
  if (project !== undefined) {
    const found = ctx.index.projectsByKeyOrName.get(project.toLowerCase());
    if (!found) {
      addMissingValue(ctx, validation.valueDoesNotExist(project, "project"));
      return undefined;
    }
    projectIds = new Set(found.map((p) => p.id));
  }
  const ids = ctx.index.site.versions
    .filter(
      (v) => Boolean(v.released) === released && !v.archived && (!projectIds || projectIds.has(v.projectId)),
    )
    .map((v) => v.id);
  return { type: "versions", ids };
}

function dateBoundary(
  name: string,
  kind: "start" | "end",
  unit: BoundaryUnit,
  args: string[],
  ctx: CompileContext,
): FunctionValue | undefined {
  const epoch = boundary(kind, unit, args[0], ctx.now, ctx.index.timeZone);
  if (epoch === undefined) {
    addError(
      ctx,
      `Duration for function '${name}' should have the format (+/-)n(yMwdhm), e.g. -1M for 1 month earlier.`,
    );
    return undefined;
  }
  return { type: "date", epoch };
}
