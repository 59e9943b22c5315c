import { isDomainError } from "@goalpost/domain";
import { provisionUser } from "../accounts/provision-user.ts";
import type { Auth } from "../auth/create-auth.ts";
import type { Db } from "../db/database.ts";

/** The demo login printed by `npm run demo`. */
export const DEMO_LOGIN = {
  email: "demo@goalpost.test",
  password: "goalpost-demo",
  name: "Dana Demo",
} as const;
export const DEMO_ORG_NAME = "Acme Robotics";

/** Ensures the demo organisation and its admin exist (idempotent: safe on every start). */
export async function seedDemoOrg(deps: { db: Db; auth: Auth }): Promise<void> {
  try {
    await provisionUser(deps, { orgName: DEMO_ORG_NAME, ...DEMO_LOGIN, admin: true });
  } catch (error) {
    if (!isDomainError(error, "conflict")) throw error;
  }
}
