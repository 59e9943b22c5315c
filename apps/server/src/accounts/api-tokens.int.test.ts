import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Goalpost } from "../start-goalpost.ts";
import { httpSession, signUpWithOrg } from "../testing/http-session.ts";
import { startTestGoalpost } from "../testing/start-test-goalpost.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";

describe.each(TEST_ENGINES)("personal API tokens on %s", (engine) => {
  let goalpost: Goalpost;
  beforeAll(async () => {
    goalpost = await startTestGoalpost(engine);
  });
  afterAll(async () => goalpost?.close());

  it("creates a token shown once, accepts it as Bearer, lists it without the secret and revokes it", async () => {
    const { session } = await signUpWithOrg(goalpost.app, {
      name: "Grace",
      email: "grace@example.com",
      orgName: "Navy",
    });
    const created = await session.post("/api/v1/me/tokens", { name: "CI script" });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json() as { id: string; token: string };
    expect(token).toMatch(/^gp_[A-Za-z0-9_-]{40,}$/);

    const script = httpSession(goalpost.app, { bearer: token });
    const me = await script.get("/api/v1/me");
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe("grace@example.com");

    const list = await session.get("/api/v1/me/tokens");
    expect(list.json().items).toEqual([
      { id, name: "CI script", createdAt: expect.any(String), lastUsedAt: expect.any(String) },
    ]);
    expect(list.body).not.toContain(token);

    expect((await session.delete(`/api/v1/me/tokens/${id}`)).statusCode).toBe(204);
    expect((await script.get("/api/v1/me")).statusCode).toBe(401);
  });

  it.each([["gp_doesnotexist"], ["not even a token"], [""]])(
    "answers 401 to a bad bearer token %j",
    async (bad) => {
      const response = await goalpost.app.inject({
        method: "GET",
        url: "/api/v1/me",
        headers: { authorization: `Bearer ${bad}` },
      });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe("unauthenticated");
    },
  );

  it("stores only a hash of each token", async () => {
    const { session } = await signUpWithOrg(goalpost.app, {
      name: "Linus",
      email: "linus@example.com",
      orgName: "Kernel",
    });
    const { token } = (await session.post("/api/v1/me/tokens", { name: "t" })).json() as { token: string };
    const rows = await goalpost.database.db.query.apiTokens.findMany();
    expect(JSON.stringify(rows)).not.toContain(token);
  });
});
