/** `GET /rest/api/3/myself`: the caller, always with `groups`, `applicationRoles` and `expand`. */
import { type ApiContext, requireUser } from "../http/context.ts";
import { json } from "../http/respond.ts";
import { userAvatarUrls } from "../store/field-values.ts";

/** Answers with the authenticated user (401 when anonymous). */
export function getMyself(ctx: ApiContext): Response {
  const user = requireUser(ctx);
  const groups = [...ctx.store.groups.entries()].filter(([, members]) => members.has(user.accountId));
  const expand = new Set((ctx.url.searchParams.get("expand") ?? "").split(",").map((e) => e.trim()));
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
      size: groups.length + (user.siteAdmin ? 1 : 0),
      items: expand.has("groups")
        ? groups.map(([name]) => ({ name, groupId: name, self: `${ctx.links.api}/group?groupId=${name}` }))
        : [],
    },
    applicationRoles: { size: 1, items: [] },
    expand: "groups,applicationRoles",
  });
}
