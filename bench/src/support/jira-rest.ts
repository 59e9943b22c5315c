/** A person or script calling the emulator's Jira REST API with basic auth (no client library). */
export interface JiraRest {
  call(method: string, path: string, body?: unknown): Promise<Record<string, unknown> | null>;
  /** Ids of every issue matching `jql` (enhanced search, 5000 ids per page). */
  searchIds(jql: string): Promise<string[]>;
  /** Moves an issue to any other status its workflow allows; returns the new status name. */
  transitionAnywhere(key: string, pick: number): Promise<string>;
}

/** A REST caller for `baseUrl` as `email`/`token`. */
export function jiraRest(baseUrl: string, credentials: { email: string; token: string }): JiraRest {
  const auth = `Basic ${Buffer.from(`${credentials.email}:${credentials.token}`).toString("base64")}`;
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: auth, "content-type": "application/json", accept: "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text.slice(0, 300)}`);
    return text === "" ? null : (JSON.parse(text) as Record<string, unknown>);
  };
  return {
    call,
    async searchIds(jql) {
      const ids: string[] = [];
      let nextPageToken: string | undefined;
      do {
        const page = await call("POST", "/rest/api/3/search/jql", {
          jql,
          fields: ["id"],
          maxResults: 5000,
          ...(nextPageToken ? { nextPageToken } : {}),
        });
        for (const issue of (page?.issues ?? []) as { id: string }[]) ids.push(issue.id);
        nextPageToken = page?.isLast === true ? undefined : (page?.nextPageToken as string | undefined);
      } while (nextPageToken);
      return ids;
    },
    async transitionAnywhere(key, pick) {
      const listed = await call("GET", `/rest/api/3/issue/${key}/transitions`);
      const transitions = (listed?.transitions ?? []) as { id: string; to?: { name?: string } }[];
      const chosen = transitions[pick % Math.max(1, transitions.length)];
      if (!chosen) throw new Error(`${key} has no transition`);
      await call("POST", `/rest/api/3/issue/${key}/transitions`, { transition: { id: chosen.id } });
      return chosen.to?.name ?? "?";
    },
  };
}
