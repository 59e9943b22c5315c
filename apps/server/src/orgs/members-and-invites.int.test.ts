import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invites } from "../db/schema/index.ts";
import type { Goalpost } from "../start-goalpost.ts";
import { type HttpSession, httpSession, signUpWithOrg } from "../testing/http-session.ts";
import { startTestGoalpost } from "../testing/start-test-goalpost.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";

describe.each(TEST_ENGINES)("organisation members and invites on %s", (engine) => {
  let goalpost: Goalpost;
  let admin: HttpSession;
  let adminId: string;
  let orgId: string;
  let member: HttpSession;
  let memberId: string;

  beforeAll(async () => {
    goalpost = await startTestGoalpost(engine);
    ({
      session: admin,
      userId: adminId,
      orgId,
    } = await signUpWithOrg(goalpost.app, {
      name: "Ada",
      email: "ada@acme.test",
      orgName: "Acme",
    }));
  });
  afterAll(async () => goalpost?.close());

  it("lets an admin create an invite link that a newcomer signs up with", async () => {
    const invite = await admin.post(`/api/v1/orgs/${orgId}/invites`, {
      role: "member",
      email: "bob@acme.test",
    });
    expect(invite.statusCode).toBe(201);
    const { token, url } = invite.json() as { token: string; url: string };
    expect(url).toBe(`http://goalpost.test/invite/${token}`);

    const lookup = await httpSession(goalpost.app).get(`/api/v1/invites/${token}`);
    expect(lookup.json()).toEqual({ orgName: "Acme", role: "member", expiresAt: expect.any(String) });

    const pending = await admin.get(`/api/v1/orgs/${orgId}/invites`);
    expect(pending.json().items).toEqual([
      expect.objectContaining({ url, role: "member", email: "bob@acme.test" }),
    ]);

    member = httpSession(goalpost.app);
    const signUp = await member.post("/api/v1/signup", {
      name: "Bob",
      email: "bob@acme.test",
      password: "correct horse battery",
      inviteToken: token,
    });
    expect(signUp.statusCode).toBe(201);
    expect(signUp.json().orgId).toBe(orgId);
    memberId = signUp.json().user.id;
    expect((await member.get("/api/v1/me")).json().orgs).toEqual([
      { id: orgId, name: "Acme", role: "member" },
    ]);

    const reused = await httpSession(goalpost.app).get(`/api/v1/invites/${token}`);
    expect(reused.statusCode).toBe(404);
    expect((await admin.get(`/api/v1/orgs/${orgId}/invites`)).json().items).toEqual([]);
  });

  it("lets members read the member list but not manage it", async () => {
    const list = await member.get(`/api/v1/orgs/${orgId}/members`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((m: { email: string; role: string }) => [m.email, m.role])).toEqual([
      ["ada@acme.test", "admin"],
      ["bob@acme.test", "member"],
    ]);
    expect(
      (await member.patch(`/api/v1/orgs/${orgId}/members/${adminId}`, { role: "member" })).statusCode,
    ).toBe(403);
    expect((await member.post(`/api/v1/orgs/${orgId}/invites`, { role: "admin" })).statusCode).toBe(403);
    expect((await member.get(`/api/v1/orgs/${orgId}/invites`)).statusCode).toBe(403);
  });

  it("pages the member list with a cursor", async () => {
    const first = (await admin.get(`/api/v1/orgs/${orgId}/members?limit=1`)).json();
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (
      await admin.get(`/api/v1/orgs/${orgId}/members?limit=1&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items.map((m: { userId: string }) => m.userId)).toEqual([memberId]);
    expect(second.nextCursor).toBeNull();
    expect((await admin.get(`/api/v1/orgs/${orgId}/members?cursor=garbage`)).statusCode).toBe(400);
  });

  it("changes roles but never leaves the organisation without an admin", async () => {
    const lastAdmin = await admin.patch(`/api/v1/orgs/${orgId}/members/${adminId}`, { role: "member" });
    expect(lastAdmin.statusCode).toBe(409);
    expect(lastAdmin.json().error.code).toBe("last_admin");
    expect((await admin.delete(`/api/v1/orgs/${orgId}/members/${adminId}`)).statusCode).toBe(409);

    const promoted = await admin.patch(`/api/v1/orgs/${orgId}/members/${memberId}`, { role: "admin" });
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json().role).toBe("admin");
    expect((await member.get(`/api/v1/orgs/${orgId}/invites`)).statusCode).toBe(200);
    const demoted = await member.patch(`/api/v1/orgs/${orgId}/members/${memberId}`, { role: "member" });
    expect(demoted.json().role).toBe("member");
  });

  it("hides another organisation's members behind a 404", async () => {
    const outsider = await signUpWithOrg(goalpost.app, {
      name: "Eve",
      email: "eve@evil.test",
      orgName: "Evil",
    });
    const response = await outsider.session.get(`/api/v1/orgs/${orgId}/members`);
    expect(response.statusCode).toBe(404);
    expect((await outsider.session.post(`/api/v1/orgs/${orgId}/invites`, {})).statusCode).toBe(404);
  });

  it("lets an existing user accept an invite into a second organisation, and revokes invites", async () => {
    const other = await signUpWithOrg(goalpost.app, { name: "Cy", email: "cy@other.test", orgName: "Other" });
    const { token } = (await admin.post(`/api/v1/orgs/${orgId}/invites`, { role: "admin" })).json() as {
      token: string;
    };
    const accepted = await other.session.post(`/api/v1/invites/${token}/accept`, {});
    expect(accepted.json()).toEqual({ orgId, role: "admin" });
    const orgs = (await other.session.get("/api/v1/me")).json().orgs.map((o: { name: string }) => o.name);
    expect(orgs).toEqual(["Other", "Acme"]);

    const revoked = (await admin.post(`/api/v1/orgs/${orgId}/invites`, {})).json() as {
      id: string;
      token: string;
    };
    expect((await admin.delete(`/api/v1/orgs/${orgId}/invites/${revoked.id}`)).statusCode).toBe(204);
    expect((await httpSession(goalpost.app).get(`/api/v1/invites/${revoked.token}`)).statusCode).toBe(404);
  });

  it("refuses an expired invite with 410", async () => {
    const { token, id } = (await admin.post(`/api/v1/orgs/${orgId}/invites`, {})).json() as {
      token: string;
      id: string;
    };
    await goalpost.database.db
      .update(invites)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(invites.id, id));
    const response = await httpSession(goalpost.app).get(`/api/v1/invites/${token}`);
    expect(response.statusCode).toBe(410);
    expect(response.json().error.code).toBe("invite_expired");
  });

  it("lets a signed-in user create another organisation and switch to it", async () => {
    const created = await member.post("/api/v1/orgs", { name: "Side project" });
    expect(created.statusCode).toBe(201);
    expect((await member.get("/api/v1/me")).json().orgs.map((o: { role: string }) => o.role)).toEqual([
      "member",
      "admin",
    ]);
  });
});
