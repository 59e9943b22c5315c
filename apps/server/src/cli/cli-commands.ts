import { parseArgs } from "node:util";
import { DomainError } from "@goalpost/domain";
import { eq } from "drizzle-orm";
import { createApiToken } from "../accounts/create-api-token.ts";
import { provisionUser } from "../accounts/provision-user.ts";
import type { Auth } from "../auth/create-auth.ts";
import type { Db } from "../db/database.ts";
import { users } from "../db/schema/index.ts";

export const CLI_USAGE = `Usage:
  npm run cli -- user create --org "Acme" --email a@acme.test --password '…' [--name "Ada"] [--admin]
      Creates the organisation if it does not exist, and the user in it (a new organisation's first user is its admin).
  npm run cli -- token create --email a@acme.test [--name "script"]
      Prints a new personal API token for that user (send it as Authorization: Bearer).`;

/** Raised for a command line that cannot be run; the message is for the operator. */
export class UsageError extends Error {}

function requireOption(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== "string" || value.trim() === "")
    throw new UsageError(`--${name} is required.\n\n${CLI_USAGE}`);
  return value;
}

/** Runs one CLI command against an open Goalpost database; returns the text to print. */
export async function runCliCommand(args: string[], deps: { db: Db; auth: Auth }): Promise<string> {
  const [noun, verb, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      org: { type: "string" },
      email: { type: "string" },
      password: { type: "string" },
      name: { type: "string" },
      admin: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (noun === "user" && verb === "create") {
    const password = requireOption(values, "password");
    if (password.length < 8) throw new UsageError("--password must be at least 8 characters.");
    const result = await provisionUser(deps, {
      orgName: requireOption(values, "org"),
      email: requireOption(values, "email"),
      password,
      name: values.name,
      admin: values.admin ?? false,
    });
    const what = result.createdUser ? "Created user" : "Added existing user";
    const org = result.createdOrg ? `new organisation "${values.org}"` : `organisation "${values.org}"`;
    return `${what} ${values.email?.toLowerCase()} as ${result.role} of ${org} (user id ${result.userId}, org id ${result.orgId}).`;
  }
  if (noun === "token" && verb === "create") {
    const email = requireOption(values, "email").trim().toLowerCase();
    const [user] = await deps.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (!user) throw new DomainError("not_found", `No user with email ${email}.`);
    const { token } = await createApiToken(deps.db, { userId: user.id, name: values.name ?? "CLI" });
    return token;
  }
  throw new UsageError(CLI_USAGE);
}
