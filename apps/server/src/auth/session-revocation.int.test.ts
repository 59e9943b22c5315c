import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessions, users } from "../db/schema/index.ts";
import type { Goalpost } from "../start-goalpost.ts";
import { queriesDuring } from "../testing/count-queries.ts";
import { httpSession, signUpWithOrg } from "../testing/http-session.ts";
import { startGoalpostsOnOneDatabase } from "../testing/shared-database.ts";
import { startTestGoalpost } from "../testing/start-test-goalpost.ts";
import { testClock } from "../testing/test-clock.ts";
import { TEST_ENGINES, testDatabaseAvailable } from "../testing/test-database.ts";
import { REVOCATION_CHECK_MS } from "./caller-cache.ts";

/** A browser holding the same cookies as `from`, talking to another instance. */
function sameBrowserOn(goalpost: Goalpost, from: ReturnType<typeof httpSession>) {
  const copy = httpSession(goalpost.app);
  for (const [name, value] of from.cookies) copy.cookies.set(name, value);
  return copy;
}

/**
 * Queries that look a credential up. Allowed besides: the route's own query (GET /me reads the caller's
 * organisations) and at most one read of the revocation version (`cache_versions`) per REVOCATION_CHECK_MS.
 */
function credentialLookups(queries: string[]): string[] {
  return queries.filter((sql) => /"sessions"|"api_tokens"|"users"/.test(sql));
}

describe.each(TEST_ENGINES)("verified callers cached in-process on %s", (engine) => {
  const clock = testClock();
  let goalpost: Goalpost;
  beforeAll(async () => {
    goalpost = await startTestGoalpost(engine, {}, undefined, { now: clock.now });
  });
  afterAll(async () => goalpost?.close());

  it("resolves a known session without a database query", async () => {
    const { session } = await signUpWithOrg(goalpost.app, { name: "Ada", email: "ada@q.test", orgName: "Q" });
    expect((await session.get("/api/v1/me")).statusCode).toBe(200);
    const queries = await queriesDuring(goalpost, () => session.get("/api/v1/me"));
    expect(queries.some((sql) => sql.includes('"memberships"'))).toBe(true);
    expect(credentialLookups(queries)).toEqual([]);
  });

  it("stops a session revoked by any path (here a bare DELETE) within the stated bound", async () => {
    const { session, userId } = await signUpWithOrg(goalpost.app, {
      name: "Bob",
      email: "bob@r.test",
      orgName: "R",
    });
    expect((await session.get("/api/v1/me")).statusCode).toBe(200);
    // Revoked outside any Goalpost route (as better-auth's revoke-sessions endpoints or the CLI would).
    await goalpost.database.db.delete(sessions).where(eq(sessions.userId, userId));
    clock.advance(REVOCATION_CHECK_MS);
    expect((await session.get("/api/v1/me")).statusCode).toBe(401);
  });

  it("signs the other sessions out at once when the password changes with revokeOtherSessions", async () => {
    const { session } = await signUpWithOrg(goalpost.app, { name: "Cy", email: "cy@s.test", orgName: "S" });
    const laptop = httpSession(goalpost.app);
    const signIn = await laptop.post("/api/auth/sign-in/email", {
      email: "cy@s.test",
      password: "correct horse battery",
    });
    expect(signIn.statusCode).toBe(200);
    expect((await laptop.get("/api/v1/me")).statusCode).toBe(200);
    const changed = await session.post("/api/auth/change-password", {
      currentPassword: "correct horse battery",
      newPassword: "another good password",
      revokeOtherSessions: true,
    });
    expect(changed.statusCode).toBe(200);
    expect((await laptop.get("/api/v1/me")).statusCode).toBe(401);
  });

  it("resolves an API token without a session lookup and stops it once revoked", async () => {
    const { session } = await signUpWithOrg(goalpost.app, { name: "Di", email: "di@t.test", orgName: "T" });
    const { id, token } = (await session.post("/api/v1/me/tokens", { name: "ci" })).json() as {
      id: string;
      token: string;
    };
    const script = httpSession(goalpost.app, { bearer: token });
    expect((await script.get("/api/v1/me")).statusCode).toBe(200);
    expect(credentialLookups(await queriesDuring(goalpost, () => script.get("/api/v1/me")))).toEqual([]);
    expect((await session.delete(`/api/v1/me/tokens/${id}`)).statusCode).toBe(204);
    expect((await script.get("/api/v1/me")).statusCode).toBe(401);
  });

  it("shows a renamed user's new name within the bound", async () => {
    const { session, userId } = await signUpWithOrg(goalpost.app, {
      name: "Eve",
      email: "eve@u.test",
      orgName: "U",
    });
    expect((await session.get("/api/v1/me")).json().user.name).toBe("Eve");
    await goalpost.database.db.update(users).set({ name: "Eve Renamed" }).where(eq(users.id, userId));
    clock.advance(REVOCATION_CHECK_MS);
    expect((await session.get("/api/v1/me")).json().user.name).toBe("Eve Renamed");
  });
});

describe.runIf(testDatabaseAvailable())("revocations across two Goalpost processes on PostgreSQL", () => {
  const clock = testClock();
  let a: Goalpost;
  let b: Goalpost;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const started = await startGoalpostsOnOneDatabase(2, { now: clock.now });
    [a, b] = started.instances as [Goalpost, Goalpost];
    close = started.close;
  });
  afterAll(async () => close?.());

  it("a sign-out on one process stops the session on the other within REVOCATION_CHECK_MS", async () => {
    const { session: onA } = await signUpWithOrg(a.app, { name: "Fay", email: "fay@v.test", orgName: "V" });
    const onB = sameBrowserOn(b, onA);
    expect((await onB.get("/api/v1/me")).statusCode).toBe(200);
    expect((await onA.post("/api/auth/sign-out", {})).statusCode).toBe(200);
    // Within the bound B may still answer from its cache; past it, it must not.
    clock.advance(REVOCATION_CHECK_MS);
    expect((await onB.get("/api/v1/me")).statusCode).toBe(401);
  });

  it("a token revoked on one process stops on the other within REVOCATION_CHECK_MS", async () => {
    const { session } = await signUpWithOrg(a.app, { name: "Gus", email: "gus@w.test", orgName: "W" });
    const { id, token } = (await session.post("/api/v1/me/tokens", { name: "ci" })).json() as {
      id: string;
      token: string;
    };
    const onB = httpSession(b.app, { bearer: token });
    expect((await onB.get("/api/v1/me")).statusCode).toBe(200);
    expect((await session.delete(`/api/v1/me/tokens/${id}`)).statusCode).toBe(204);
    clock.advance(REVOCATION_CHECK_MS);
    expect((await onB.get("/api/v1/me")).statusCode).toBe(401);
  });
});
