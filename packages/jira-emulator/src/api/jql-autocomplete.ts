/** `GET /rest/api/3/jql/autocompletedata` and `GET /rest/api/3/jql/autocompletedata/suggestions`. */
import { type ApiContext, query } from "../http/context.ts";
import { json } from "../http/respond.ts";
import type { FieldDetails } from "../store/types.ts";
import { visibleIssueTypes, visibleStatuses } from "./metadata.ts";

const EQ = ["=", "!=", "in", "not in"];
const IS = ["is", "is not"];
const CMP = ["<", "<=", ">", ">="];
const WAS = ["was", "was not", "was in", "was not in", "changed"];

/** JQL operators and the Java type Jira names, by the field's schema type. */
const BY_TYPE: Record<string, { operators: string[]; type: string }> = {
  string: { operators: ["~", "!~", ...IS], type: "java.lang.String" },
  number: { operators: [...EQ, ...CMP, ...IS], type: "java.lang.Number" },
  date: { operators: [...EQ, ...CMP, ...IS, ...WAS], type: "java.util.Date" },
  datetime: { operators: [...EQ, ...CMP, ...IS, ...WAS], type: "java.util.Date" },
  user: { operators: [...EQ, ...IS, ...WAS], type: "com.atlassian.jira.user.ApplicationUser" },
  status: { operators: [...EQ, ...WAS], type: "com.atlassian.jira.issue.status.Status" },
  issuetype: { operators: [...EQ, ...IS], type: "com.atlassian.jira.issue.issuetype.IssueType" },
  project: { operators: [...EQ, ...IS], type: "com.atlassian.jira.project.Project" },
  priority: { operators: [...EQ, ...CMP, ...IS, ...WAS], type: "com.atlassian.jira.issue.priority.Priority" },
  resolution: {
    operators: [...EQ, ...CMP, ...IS, ...WAS],
    type: "com.atlassian.jira.issue.resolution.Resolution",
  },
  option: { operators: [...EQ, ...IS], type: "com.atlassian.jira.issue.customfields.option.Option" },
  version: { operators: [...EQ, ...CMP, ...IS], type: "com.atlassian.jira.project.version.Version" },
  array: { operators: [...EQ, ...IS], type: "java.lang.String" },
};

/** Jira's reserved JQL words (they must be quoted when used as values). */
const RESERVED = (
  "a,an,abort,access,add,after,alias,all,alter,and,any,are,as,asc,at,audit,avg,be,before,begin,between,boolean," +
  "break,but,by,byte,catch,cf,char,character,check,checkpoint,collate,collation,column,commit,connect,continue," +
  "count,create,current,date,decimal,declare,decrement,default,defaults,define,delete,delimiter,desc,difference," +
  "distinct,divide,do,double,drop,else,empty,encoding,end,equals,escape,exclusive,exec,execute,exists,explain," +
  "false,fetch,file,field,first,float,for,from,function,go,goto,grant,greater,group,having,identified,if," +
  "immediate,in,increment,index,initial,inner,inout,input,insert,int,integer,intersect,intersection,into,is," +
  "isempty,isnull,it,join,last,left,less,like,limit,lock,long,max,min,minus,mode,modify,modulo,more,multiply," +
  "next,no,noaudit,not,notin,nowait,null,number,object,of,on,option,or,order,outer,output,power,previous,prior," +
  "privileges,public,raise,raw,remainder,rename,resource,return,returns,revoke,right,row,rowid,rownum,rows," +
  "select,session,set,share,size,sqrt,start,strict,string,subtract,such,sum,synonym,table,that,the,their,then," +
  "there,these,they,this,to,trans,transaction,trigger,true,uid,union,unique,update,user,validate,values,view," +
  "was,when,whenever,where,while,will,with"
).split(",");

/** What each supported function returns, for `types` and `isList`. */
function functionType(name: string): { type: string; list: boolean } {
  if (name === "currentUser") return { type: "com.atlassian.jira.user.ApplicationUser", list: false };
  if (name === "membersOf") return { type: "com.atlassian.jira.user.ApplicationUser", list: true };
  if (name.endsWith("Sprints"))
    return { type: "com.atlassian.greenhopper.service.sprint.Sprint", list: true };
  if (name.endsWith("Versions")) return { type: "com.atlassian.jira.project.version.Version", list: true };
  if (name.endsWith("IssueTypes"))
    return { type: "com.atlassian.jira.issue.issuetype.IssueType", list: true };
  if (name.endsWith("Issues") || name === "issueHistory")
    return { type: "com.atlassian.jira.issue.Issue", list: true };
  return { type: "java.util.Date", list: false };
}

const quoteIfNeeded = (name: string): string => (/^[A-Za-z0-9_.]+$/.test(name) ? name : `"${name}"`);

function fieldReference(field: FieldDetails): Record<string, unknown> | undefined {
  const kind = BY_TYPE[field.schema?.type ?? ""];
  if (kind === undefined || field.searchable === false) return undefined;
  const common = {
    orderable: field.orderable === false ? "false" : "true",
    searchable: "true",
    operators: kind.operators,
    types: [kind.type],
  };
  if (!field.custom) {
    const value = field.clauseNames[0] ?? field.id;
    return { value, displayName: value, ...common };
  }
  const cfid = `cf[${String(field.schema?.customId ?? "")}]`;
  return {
    value: quoteIfNeeded(field.name),
    displayName: `${field.name} - ${cfid}`,
    auto: "true",
    cfid,
    ...common,
  };
}

/** `GET jql/autocompletedata`: searchable fields (custom ones with their `cf[id]`), functions, reserved words. */
export function getAutoComplete(ctx: ApiContext): Response {
  const names = ctx.state.jql.functionNames?.() ?? [];
  return json(200, {
    visibleFieldNames: ctx.store.fields.flatMap((field) => fieldReference(field) ?? []),
    visibleFunctionNames: names.map((name) => {
      const { type, list } = functionType(name);
      return {
        value: `${name}()`,
        displayName: `${name}()`,
        ...(list ? { isList: "true" } : {}),
        types: [type],
      };
    }),
    jqlReservedWords: RESERVED,
  });
}

/** The values a field's suggestions come from, as `[value, display]` pairs. */
function candidates(ctx: ApiContext, field: string): [string, string][] {
  const { store } = ctx;
  switch (field) {
    case "project":
      return store.visibleProjects(ctx.user).map((p) => [p.key, `${p.name} (${p.key})`]);
    case "status":
      return [...new Set(visibleStatuses(ctx).map((s) => s.name))].map((name) => [name, name]);
    case "statuscategory":
      return ["To Do", "In Progress", "Done"].map((name) => [name, name]);
    case "issuetype":
    case "type":
      return [...new Set(visibleIssueTypes(ctx).map((t) => t.name))].map((name) => [name, name]);
    case "priority":
      return store.priorities.map((p) => [p.name, p.name]);
    case "resolution":
      return store.resolutions.map((r) => [r.name, r.name]);
    case "assignee":
    case "reporter":
    case "creator":
      return [...store.users.values()].map((u) => [u.accountId, u.displayName]);
    case "sprint":
      return [...store.sprints.values()].map((s) => [String(s.id), `${s.name} (${s.state})`]);
    default:
      return [];
  }
}

/**
 * `GET jql/autocompletedata/suggestions?fieldName=&fieldValue=`: values of the field whose display text
 * contains `fieldValue` (case-insensitive), the matched part in `<b>`; at most 15, as Jira shows.
 */
export function getAutoCompleteSuggestions(ctx: ApiContext): Response {
  const field = (query(ctx, "fieldName") ?? "").toLowerCase().replace(/^"|"$/g, "");
  const typed = (query(ctx, "fieldValue") ?? "").toLowerCase();
  const results = candidates(ctx, field)
    .filter(([, display]) => display.toLowerCase().includes(typed))
    .slice(0, 15)
    .map(([value, display]) => {
      const at = typed === "" ? -1 : display.toLowerCase().indexOf(typed);
      const shown =
        at < 0
          ? display
          : `${display.slice(0, at)}<b>${display.slice(at, at + typed.length)}</b>${display.slice(at + typed.length)}`;
      return { value, displayName: shown };
    });
  return json(200, { results });
}
