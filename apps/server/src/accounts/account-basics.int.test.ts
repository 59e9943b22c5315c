import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Goalpost } from "../start-goalpost.ts";
import { httpSession, signUpWithOrg } from "../testing/http-session.ts";
import { startTestGoalpost } from "../testing/start-test-goalpost.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";

describe.each(TEST_ENGINES)("account basics through better-auth on %s", (engine) => {
  let goalpost: Goalpost;
  beforeAll(async () => {
    goalpost = await startTestGoalpost(engine);
  });
  afterAll(async () => {
    await goalpost?.close();
  });

  it("renames the profile, changes the password and signs out everywhere", async () => {
    const email = "ada@acme.test";
    const { session: laptop } = await signUpWithOrg(goalpost.app, { name: "Ada", email, orgName: "Acme" });
    const phone = httpSession(goalpost.app);
    const signIn = (session: ReturnType<typeof httpSession>, password: string) =>
      session.post("/api/auth/sign-in/email", { email, password });
    expect((await signIn(phone, "correct horse battery")).statusCode).toBe(200);

    const renamed = await laptop.post("/api/auth/update-user", { name: "Ada Lovelace" });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await laptop.get("/api/v1/me")).json().user.name).toBe("Ada Lovelace");
    // Another device trusts its signed session cache for up to a minute; past it, it reads the new name.
    const expireCache = (session: ReturnType<typeof httpSession>) => {
      for (const name of [...session.cookies.keys()])
        if (name.includes("session_data")) session.cookies.delete(name);
    };
    expireCache(phone);
    expect((await phone.get("/api/v1/me")).json().user.name).toBe("Ada Lovelace");

    const wrong = await laptop.post("/api/auth/change-password", {
      currentPassword: "not my password",
      newPassword: "a brand new passphrase",
    });
    expect(wrong.statusCode).toBeGreaterThanOrEqual(400);
    const changed = await laptop.post("/api/auth/change-password", {
      currentPassword: "correct horse battery",
      newPassword: "a brand new passphrase",
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await signIn(httpSession(goalpost.app), "correct horse battery")).statusCode).toBe(401);
    expect((await signIn(httpSession(goalpost.app), "a brand new passphrase")).statusCode).toBe(200);

    // A password change signs out every other session (issue 12): the phone signs in again.
    expireCache(phone);
    expect((await phone.get("/api/v1/me")).statusCode).toBe(401);
    expect((await laptop.get("/api/v1/me")).statusCode).toBe(200);
    expect((await signIn(phone, "a brand new passphrase")).statusCode).toBe(200);

    // Sign out everywhere: every session of the account ends, this one too.
    expect((await phone.get("/api/v1/me")).statusCode).toBe(200);
    const revoked = await laptop.post("/api/auth/revoke-sessions", {});
    expect(revoked.statusCode, revoked.body).toBe(200);
    expireCache(phone);
    expireCache(laptop);
    expect((await phone.get("/api/v1/me")).statusCode).toBe(401);
    expect((await laptop.get("/api/v1/me")).statusCode).toBe(401);
  });
});
