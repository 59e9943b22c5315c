import type { JiraEmulator } from "@goalpost/jira-emulator";

/**
 * A person editing the emulator's site through Jira's own REST API (tests play "the team works in Jira"): REST
 * v3 with basic auth on Cloud, REST v2 with the token as a bearer PAT on Data Center.
 */
export function jiraEditor(
  jira: JiraEmulator,
  credentials = { email: "dana@example.com", token: "dana-token" },
) {
  const dataCenter = jira.deployment === "data-center";
  const auth = dataCenter
    ? `Bearer ${credentials.token}`
    : `Basic ${Buffer.from(`${credentials.email}:${credentials.token}`).toString("base64")}`;
  const api = dataCenter ? "/rest/api/2" : "/rest/api/3";
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${jira.url}${path}`, {
      method,
      headers: { authorization: auth, "content-type": "application/json", accept: "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
    return text === "" ? null : (JSON.parse(text) as Record<string, unknown>);
  };
  return {
    /** Creates a project (the editor must be a site admin). */
    async createProject(key: string, name: string): Promise<void> {
      await call("POST", `${api}/project`, { key, name, projectTypeKey: "software" });
    },
    /** Creates an issue; returns its key. */
    async createIssue(fields: Record<string, unknown>): Promise<string> {
      const created = await call("POST", `${api}/issue`, { fields });
      return String(created?.key);
    },
    async editIssue(key: string, fields: Record<string, unknown>): Promise<void> {
      await call("PUT", `${api}/issue/${key}`, { fields });
    },
    /**
     * Registers an admin webhook (System → WebHooks; the same on Cloud and Data Center) for issue events
     * matching `jqlFilter`, signed with `secret`, as Goalpost's Jira page tells an admin to.
     */
    async registerWebhook(hook: {
      name?: string;
      url: string;
      secret: string;
      jqlFilter: string;
    }): Promise<void> {
      await call("POST", "/rest/webhooks/1.0/webhook", {
        name: hook.name ?? "Goalpost",
        url: hook.url,
        events: ["jira:issue_created", "jira:issue_updated", "jira:issue_deleted"],
        filters: { "issue-related-events-section": hook.jqlFilter },
        secret: hook.secret,
      });
    },
    async deleteIssue(key: string): Promise<void> {
      await call("DELETE", `${api}/issue/${key}`);
    },
    /** Moves an issue to the status named `to` through its workflow's transition. */
    async transition(key: string, to: string): Promise<void> {
      const listed = await call("GET", `${api}/issue/${key}/transitions`);
      const transitions = (listed?.transitions ?? []) as { id: string; to?: { name?: string } }[];
      const match = transitions.find((t) => t.to?.name === to);
      if (!match) throw new Error(`no transition of ${key} to ${to}`);
      await call("POST", `${api}/issue/${key}/transitions`, { transition: { id: match.id } });
    },
    async logWork(key: string, seconds: number): Promise<void> {
      await call("POST", `${api}/issue/${key}/worklog`, { timeSpentSeconds: seconds });
    },
  };
}
