/**
 * A deliberately small JQL fallback used only when the real engine (`src/jql/`) cannot be loaded: `AND`-ed
 * `=`/`IN` clauses on project, key, parent, "Epic Link", issuetype, status and statusCategory, plus
 * `ORDER BY`. Anything else is refused with a 400 rather than answered wrongly.
 */
import type { CompiledJql, CompileJqlResult, JqlSite, StoredIssue } from "../jql/types.ts";
import type { JqlEngine } from "./jql-engine.ts";

type Obj = Record<string, unknown>;

const UNBOUNDED =
  "Unbounded JQL queries are not allowed here. Please add a search restriction to your query.";

const unquote = (text: string): string => text.trim().replace(/^"(.*)"$|^'(.*)'$/, "$1$2");

const FIELD_READERS: Record<string, (issue: StoredIssue) => string[]> = {
  project: (i) => [String((i.fields.project as Obj).key), String((i.fields.project as Obj).id)],
  key: (i) => [i.key, i.id],
  issuekey: (i) => [i.key, i.id],
  id: (i) => [i.key, i.id],
  parent: (i) => {
    const p = i.fields.parent as Obj | undefined;
    return p === undefined ? [] : [String(p.key), String(p.id)];
  },
  "epic link": (i) => (typeof i.fields.customfield_10014 === "string" ? [i.fields.customfield_10014] : []),
  "cf[10014]": (i) => (typeof i.fields.customfield_10014 === "string" ? [i.fields.customfield_10014] : []),
  issuetype: (i) => [String((i.fields.issuetype as Obj).name), String((i.fields.issuetype as Obj).id)],
  type: (i) => [String((i.fields.issuetype as Obj).name), String((i.fields.issuetype as Obj).id)],
  status: (i) => [String((i.fields.status as Obj).name), String((i.fields.status as Obj).id)],
  statuscategory: (i) => {
    const c = (i.fields.status as Obj).statusCategory as Obj;
    return [String(c.name), String(c.key), String(c.id)];
  },
};

const SORT_READERS: Record<string, (issue: StoredIssue) => string | number> = {
  key: (i) => Number(i.id),
  created: (i) => String(i.fields.created),
  updated: (i) => String(i.fields.updated),
};

function compile(jql: string, site: JqlSite): CompileJqlResult {
  const [wherePart = "", orderPart] = jql.split(/\border\s+by\b/i);
  const matchers: ((issue: StoredIssue) => boolean)[] = [];
  const projectKeys: string[] = [];
  const where = wherePart.trim();
  for (const clause of where === "" ? [] : where.split(/\s+and\s+/i)) {
    const found = /^\s*("[^"]+"|[\w[\]]+)\s*(=|in)\s*(.+?)\s*$/i.exec(clause);
    const field = found?.[1] === undefined ? undefined : unquote(found[1]).toLowerCase();
    const reader = field === undefined ? undefined : FIELD_READERS[field];
    if (found === null || reader === undefined || found[3] === undefined) {
      return { ok: false, errorMessages: [`The minimal JQL fallback cannot evaluate '${clause.trim()}'.`] };
    }
    const values = (
      found[2]?.toLowerCase() === "in" ? found[3].replace(/^\(|\)$/g, "").split(",") : [found[3]]
    )
      .map(unquote)
      .map((v) => v.toLowerCase());
    if (field === "project") {
      for (const value of values) {
        const project = site.projects.find((p) => p.key.toLowerCase() === value || p.id === value);
        if (project === undefined)
          return {
            ok: false,
            errorMessages: [`The value '${value}' does not exist for the field 'project'.`],
          };
        projectKeys.push(project.key);
      }
    }
    matchers.push((issue) => reader(issue).some((v) => values.includes(v.toLowerCase())));
  }
  const order = (orderPart ?? "")
    .split(",")
    .map((part) => part.trim().split(/\s+/))
    .filter((parts) => parts[0] !== undefined && parts[0] !== "")
    .map(([field = "", direction = "asc"]) => ({
      reader: SORT_READERS[field.toLowerCase()],
      desc: direction.toLowerCase() === "desc",
    }));
  if (order.some((o) => o.reader === undefined))
    return {
      ok: false,
      errorMessages: ["The minimal JQL fallback can only order by key, created or updated."],
    };
  const sorts = order.length > 0 ? order : [{ reader: SORT_READERS.key, desc: true }];
  const query: CompiledJql = {
    matches: (issue) => matchers.every((m) => m(issue)),
    compare: (a, b) => {
      for (const { reader, desc } of sorts) {
        if (reader === undefined) continue;
        const x = reader(a);
        const y = reader(b);
        if (x !== y) return (x < y ? -1 : 1) * (desc ? -1 : 1);
      }
      return 0;
    },
    isBounded: matchers.length > 0,
    ...(projectKeys.length > 0 ? { projectKeys } : {}),
    warnings: [],
  };
  return { ok: true, query };
}

/** The fallback engine. */
export const minimalJqlEngine: JqlEngine = {
  name: "minimal",
  compile,
  parse: (queries, site) => ({
    queries: queries.map((q) => {
      const result = compile(q, site);
      return result.ok ? { query: q } : { query: q, errors: result.errorMessages };
    }),
  }),
  unboundedMessage: UNBOUNDED,
};
