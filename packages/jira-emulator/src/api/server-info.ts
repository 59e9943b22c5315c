/** `GET /rest/api/3/serverInfo` (anonymous allowed). */
import type { ApiContext } from "../http/context.ts";
import { json } from "../http/respond.ts";
import { formatJiraDateTime } from "../store/jira-format.ts";

/** Answers with the site's server information, Cloud style. */
export function getServerInfo(ctx: ApiContext): Response {
  return json(200, {
    baseUrl: ctx.links.base,
    displayUrl: ctx.links.base,
    version: "1001.0.0-SNAPSHOT",
    versionNumbers: [1001, 0, 0],
    deploymentType: "Cloud",
    buildNumber: 100290,
    buildDate: "2026-09-01T00:00:00.000+0000",
    serverTime: formatJiraDateTime(ctx.store.now()),
    scmInfo: "6e3c5f1b2a4d7c8e9f0a1b2c3d4e5f6a7b8c9d0e",
    serverTitle: "Jira",
    defaultLocale: { locale: "en_US" },
    serverTimeZone: "Etc/UTC",
  });
}
