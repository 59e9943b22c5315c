/** Data Center's `GET /rest/api/2/serverInfo` and `GET /rest/api/2/myself`: users have a key and a name. */
import { type ApiContext, requireUser } from "../http/context.ts";
import { json } from "../http/respond.ts";
import { userAvatarUrls } from "../store/field-values.ts";
import { formatJiraDateTime } from "../store/jira-format.ts";

/** Answers with the server's information, Data Center style (anonymous allowed). */
export function getDataCenterServerInfo(ctx: ApiContext): Response {
  return json(200, {
    baseUrl: ctx.links.base,
    version: "9.12.15",
    versionNumbers: [9, 12, 15],
    deploymentType: "DataCenter",
    buildNumber: 9120015,
    buildDate: "2026-08-01T00:00:00.000+0000",
    serverTime: formatJiraDateTime(ctx.store.now()),
    scmInfo: "0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b",
    serverTitle: "Jira",
  });
}

/** The user name Data Center would have for an e-mail: the part before `@`. */
export const dataCenterUserName = (email: string): string => email.split("@")[0] ?? email;

/** Answers with the authenticated user (401 when anonymous). */
export function getDataCenterMyself(ctx: ApiContext): Response {
  const user = requireUser(ctx);
  const name = dataCenterUserName(user.emailAddress);
  const groups = [...ctx.store.groups.entries()]
    .filter(([, members]) => members.has(user.accountId))
    .map(([group]) => ({
      name: group,
      self: `${ctx.links.api}/group?groupname=${encodeURIComponent(group)}`,
    }));
  return json(200, {
    self: `${ctx.links.api}/user?username=${encodeURIComponent(name)}`,
    key: user.accountId,
    name,
    emailAddress: user.emailAddress,
    avatarUrls: userAvatarUrls(user),
    displayName: user.displayName,
    active: user.active,
    deleted: false,
    timeZone: user.timeZone,
    locale: "en_US",
    groups: { size: groups.length, items: groups },
    applicationRoles: { size: 1, items: [] },
    expand: "groups,applicationRoles",
  });
}
