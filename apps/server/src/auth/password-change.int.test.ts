import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Goalpost } from "../start-goalpost.ts";
import { type HttpSession, httpSession, signUpWithOrg } from "../testing/http-session.ts";
import { startTestGoalpost } from "../testing/start-test-goalpost.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";

/**
 * Past the signed session cache (SESSION_CACHE_SECONDS): drop the cache cookie as a browser does when it
 * expires, so the next request asks the database whether the session still exists.
 */
function afterSessionCache(session: HttpSession): HttpSession {
  for (const name of [...session.cookies.keys()])
    if (name.includes("session_data")) session.cookies.delete(name);
  return session;
}

describe.each(TEST_ENGINES)("a password change on %s", (engine) => {
  let goalpost: Goalpost;
  beforeAll(async () => {
    goalpost = await startTestGoalpost(engine);
  });
  afterAll(async () => goalpost?.close());

  it.each([false, undefined])(
    "signs out every other session even when the client asks revokeOtherSessions: %s",
    async (revokeOtherSessions) => {
      const email = `ada-${String(revokeOtherSessions)}@example.com`;
      const { session: laptop } = await signUpWithOrg(goalpost.app, { name: "Ada", email, orgName: "Acme" });
      const phone = httpSession(goalpost.app);
      const signIn = await phone.post("/api/auth/sign-in/email", {
        email,
        password: "correct horse battery",
      });
      expect(signIn.statusCode).toBe(200);
      expect((await phone.get("/api/v1/me")).statusCode).toBe(200);

      const changed = await laptop.post("/api/auth/change-password", {
        currentPassword: "correct horse battery",
        newPassword: "a brand new secret",
        ...(revokeOtherSessions === undefined ? {} : { revokeOtherSessions }),
      });
      expect(changed.statusCode).toBe(200);

      expect((await afterSessionCache(phone).get("/api/v1/me")).statusCode).toBe(401);
      expect((await afterSessionCache(laptop).get("/api/v1/me")).statusCode).toBe(200);
      const old = await httpSession(goalpost.app).post("/api/auth/sign-in/email", {
        email,
        password: "correct horse battery",
      });
      expect(old.statusCode).toBe(401);
    },
  );
});
