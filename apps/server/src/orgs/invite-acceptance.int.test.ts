import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberships, users } from "../db/schema/index.ts";
import type { Goalpost } from "../start-goalpost.ts";
import { type HttpSession, httpSession, signUpWithOrg } from "../testing/http-session.ts";
import { startTestGoalpost } from "../testing/start-test-goalpost.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";

describe.each(TEST_ENGINES)("accepting an invite on %s", (engine) => {
  let goalpost: Goalpost;
  let admin: HttpSession;
  let orgId: string;
  beforeAll(async () => {
    goalpost = await startTestGoalpost(engine);
    ({ session: admin, orgId } = await signUpWithOrg(goalpost.app, {
      name: "Ada",
      email: "ada@acme.test",
      orgName: "Acme",
    }));
  });
  afterAll(async () => goalpost?.close());

  async function invite(email?: string): Promise<string> {
    const response = await admin.post(`/api/v1/orgs/${orgId}/invites`, email ? { email } : {});
    expect(response.statusCode).toBe(201);
    return (response.json() as { token: string }).token;
  }

  async function membersOfAcme(): Promise<number> {
    return (await goalpost.database.db.select().from(memberships).where(eq(memberships.orgId, orgId))).length;
  }

  it("admits one account when eight sign up with the same single-use invite at once, and leaves no stray account", async () => {
    const token = await invite();
    const before = await membersOfAcme();
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        httpSession(goalpost.app).post("/api/v1/signup", {
          name: `Racer ${i}`,
          email: `racer${i}@acme.test`,
          password: "correct horse battery",
          inviteToken: token,
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 404, 404, 404, 404, 404, 404, 404]);
    expect(await membersOfAcme()).toBe(before + 1);
    const racers = await goalpost.database.db.select({ email: users.email }).from(users);
    expect(racers.filter((u) => u.email.startsWith("racer"))).toHaveLength(1);
  });

  it("admits one account when eight signed-in people accept the same invite at once", async () => {
    const token = await invite();
    const people = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        signUpWithOrg(goalpost.app, { name: `P${i}`, email: `p${i}@elsewhere.test`, orgName: `Org ${i}` }),
      ),
    );
    const before = await membersOfAcme();
    const answers = await Promise.all(
      people.map((p) => p.session.post(`/api/v1/invites/${token}/accept`, {})),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 404, 404, 404, 404, 404, 404, 404]);
    expect(await membersOfAcme()).toBe(before + 1);
  });

  it("lets only the invited e-mail accept an invite made for it", async () => {
    const token = await invite("bea@acme.test");
    const mallory = await signUpWithOrg(goalpost.app, {
      name: "Mallory",
      email: "mallory@evil.test",
      orgName: "Evil",
    });
    const refused = await mallory.session.post(`/api/v1/invites/${token}/accept`, {});
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/another e-mail/i);
    const signUp = await httpSession(goalpost.app).post("/api/v1/signup", {
      name: "Mallory 2",
      email: "mallory2@evil.test",
      password: "correct horse battery",
      inviteToken: token,
    });
    expect(signUp.statusCode).toBe(403);
    const stray = await goalpost.database.db
      .select()
      .from(users)
      .where(eq(users.email, "mallory2@evil.test"));
    expect(stray).toEqual([]);

    const bea = await httpSession(goalpost.app).post("/api/v1/signup", {
      name: "Bea",
      email: "Bea@Acme.test",
      password: "correct horse battery",
      inviteToken: token,
    });
    expect(bea.statusCode).toBe(201);
    expect(bea.json().orgId).toBe(orgId);
  });
});
