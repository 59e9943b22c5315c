import { z } from "zod";
import { idSchema } from "../schemas.ts";

/** Who may use a connection besides its creator and the org's admins. */
export const sharingSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("private") }).strict(),
    z.object({ kind: z.literal("org") }).strict(),
    z.object({ kind: z.literal("members"), userIds: z.array(idSchema).max(500) }).strict(),
  ])
  .meta({ id: "JiraConnectionSharing" });

export const connectionNameSchema = z.string().trim().min(1, "required").max(100);

/** A Jira site's address: http(s), no credentials, query or fragment; stored without a trailing slash. */
export const jiraBaseUrlSchema = z
  .url({ protocol: /^https?$/, message: "must be an http(s) URL such as https://acme.atlassian.net" })
  .max(500)
  .refine((value) => {
    // Refinements run even when `.url()` failed: "nope" must be a 400 naming the field, not a thrown TypeError.
    if (!URL.canParse(value)) return true;
    const url = new URL(value);
    return url.username === "" && url.password === "" && url.search === "" && url.hash === "";
  }, "must be the site's address, without credentials, query or fragment")
  .transform((value) => value.replace(/\/+$/, ""));

/** A Jira API token: write-only, never shown back. */
export const apiTokenSchema = z
  .string()
  .min(1, "required")
  .max(2000)
  .meta({ description: "Jira API token; write-only, never returned", format: "password", writeOnly: true });

/** A Jira Data Center personal access token: write-only, never shown back. */
export const personalAccessTokenSchema = z.string().min(1, "required").max(2000).meta({
  description: "Jira Data Center personal access token (sent as a bearer token); write-only, never returned",
  format: "password",
  writeOnly: true,
});

/** Which Jira a connection talks to. */
export const deploymentSchema = z.enum(["cloud", "dataCenter"]).meta({
  id: "JiraDeployment",
  description: "cloud: e-mail + API token (REST v3); dataCenter: personal access token (REST v2)",
});

export const discoveredFieldSchema = z.object({ id: z.string(), name: z.string() }).meta({ id: "JiraField" });

export const connectionSchema = z
  .object({
    id: z.string(),
    orgId: z.string(),
    name: z.string(),
    baseUrl: z.string(),
    deployment: deploymentSchema,
    email: z.string().meta({ description: "Cloud's account e-mail; empty for Data Center" }),
    sharing: sharingSchema,
    createdBy: z.string().nullable(),
    account: z.object({ accountId: z.string(), displayName: z.string() }).nullable(),
    serverTitle: z.string().nullable(),
    canManage: z.boolean().meta({ description: "Whether the caller may edit or delete it" }),
    sync: z
      .object({
        lastSyncedAt: z.date().nullable(),
        nextDueAt: z.date().nullable(),
        broken: z.boolean().meta({
          description:
            "Jira refused the credentials or address: no call is made until the connection is edited",
        }),
        error: z.object({ code: z.string(), message: z.string(), since: z.date() }).nullable(),
      })
      .meta({ description: "How the connection's background syncs go" }),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: "JiraConnection" });

export const connectionParams = z.object({ id: idSchema });
