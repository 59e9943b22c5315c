/** `GET /rest/api/3/myself`: the caller, always with `groups`, `applicationRoles` and `expand`. */
import { type ApiContext, requireUser } from "../http/context.ts";
import { json } from "../http/respond.ts";
import { userAvatarUrls } from "../store/field-values.ts";

/** The application roles every emulated user holds. */
const APPLICATION_ROLES = [{ key: "jira-software", name: "Jira Software" }];

/** Every `expand` value, whether repeated (`expand=a&expand=b`) or comma-separated (`expand=a,b`). */
export function expandValues(url: URL): Set<string> {
  return new Set(
    url.searchParams
      .getAll("expand")
      .flatMap((value) => value.split(","))
      .map((value) => value.trim())
      .filter((value) => value !== ""),
  );
}

/** Answers with the authenticated user (401 when anonymous); `size` always counts what an expand would list. */
export function getMyself(ctx: ApiContext): Response {
  const user = requireUser(ctx);
  const groups = [...ctx.store.groups.entries()]
    .filter(([, members]) => members.has(user.accountId))
    .map(([name]) => name)
    .sort();
  const expand = expandValues(ctx.url);
  return json(200, {
    self: `${ctx.links.api}/user?accountId=${user.accountId}`,
    accountId: user.accountId,
    accountType: "atlassian",
    emailAddress: user.emailAddress,
    avatarUrls: userAvatarUrls(user),
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone,
    locale: "en_US",
    groups: {
      size: groups.length,
      items: expand.has("groups")
        ? groups.map((name) => ({
            name,
            groupId: name,
            self: `${ctx.links.api}/group?groupId=${encodeURIComponent(name)}`,
          }))
        : [],
    },
    applicationRoles: {
      size: APPLICATION_ROLES.length,
      items: expand.has("applicationRoles") ? APPLICATION_ROLES : [],
    },
    expand: "groups,applicationRoles",
  });
}
