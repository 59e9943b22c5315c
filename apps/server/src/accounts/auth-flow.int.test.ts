import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Goalpost } from "../start-goalpost.ts";
import { httpSession } from "../testing/http-session.ts";
import { startTestGoalpost } from "../testing/start-test-goalpost.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";

describe.each(TEST_ENGINES)("sign-up, sign-in, sign-out on %s", (engine) => {
  let goalpost: Goalpost;
  beforeAll(async () => {
    goalpost = await startTestGoalpost(engine, { SIGN_IN_RATE_LIMIT: "5" });
  });
  afterAll(async () => goalpost?.close());

  it("signs up the first user as admin of a new organisation, with an httpOnly SameSite session cookie", async () => {
    const ada = httpSession(goalpost.app);
    const signUp = await ada.post("/api/v1/signup", {
      name: "Ada Lovelace",
      email: "Ada@Example.com",
      password: "correct horse battery",
      orgName: "Analytical Engines",
    });
    expect(signUp.statusCode).toBe(201);
    const setCookie = String(signUp.headers["set-cookie"]);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);

    const me = await ada.get("/api/v1/me");
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({
      user: { id: expect.any(String), name: "Ada Lovelace", email: "ada@example.com" },
      orgs: [{ id: signUp.json().orgId, name: "Analytical Engines", role: "admin" }],
    });
  });

  it("refuses a second account on the same email", async () => {
    const response = await httpSession(goalpost.app).post("/api/v1/signup", {
      name: "Impostor",
      email: "ada@example.com",
      password: "another password",
      orgName: "Other",
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("email_taken");
  });

  it("signs out and back in", async () => {
    const ada = httpSession(goalpost.app);
    const signIn = await ada.post("/api/auth/sign-in/email", {
      email: "ada@example.com",
      password: "correct horse battery",
    });
    expect(signIn.statusCode).toBe(200);
    expect((await ada.get("/api/v1/me")).statusCode).toBe(200);
    expect((await ada.post("/api/auth/sign-out", {})).statusCode).toBe(200);
    expect((await ada.get("/api/v1/me")).statusCode).toBe(401);
  });

  it("rejects a wrong password without saying which part was wrong", async () => {
    const response = await httpSession(goalpost.app).post(
      "/api/auth/sign-in/email",
      { email: "ada@example.com", password: "wrong password" },
      { "x-forwarded-for": "10.9.9.9" },
    );
    expect(response.statusCode).toBe(401);
    expect(response.body).toMatch(/Invalid email or password/);
  });

  it("rate-limits sign-in attempts per client address", async () => {
    const attempt = () =>
      httpSession(goalpost.app).post("/api/auth/sign-in/email", {
        email: "ada@example.com",
        password: "guess",
      });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await attempt()).statusCode);
    expect(statuses).toContain(429);
    expect(statuses.indexOf(429)).toBeLessThanOrEqual(5);
  });

  it("does not expose better-auth's own sign-up (organisations would be skipped)", async () => {
    const response = await httpSession(goalpost.app).post("/api/auth/sign-up/email", {
      name: "x",
      email: "x@example.com",
      password: "password123",
    });
    expect(response.statusCode).toBe(404);
  });
});
