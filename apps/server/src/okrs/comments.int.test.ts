import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jiraConnections } from "../db/schema/index.ts";
import type { Goalpost } from "../start-goalpost.ts";
import { type HttpSession, joinOrg, signUpWithOrg } from "../testing/http-session.ts";
import { insertKeyResult } from "../testing/okr-rows.ts";
import { startTestGoalpost } from "../testing/start-test-goalpost.ts";
import { testClock } from "../testing/test-clock.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";

describe.each(TEST_ENGINES)("comments on key results and check-ins on %s", (engine) => {
  const clock = testClock();
  let goalpost: Goalpost;
  let ada: HttpSession;
  let cid: HttpSession;
  let eve: HttpSession;
  let orgId: string;
  let adaId: string;
  let objectiveId: string;

  beforeAll(async () => {
    goalpost = await startTestGoalpost(engine, {}, undefined, { now: clock.now });
    ({
      session: ada,
      orgId,
      userId: adaId,
    } = await signUpWithOrg(goalpost.app, {
      name: "Ada",
      email: "ada@acme.test",
      orgName: "Acme",
    }));
    ({ session: cid } = await joinOrg(goalpost.app, ada, orgId, { name: "Cid", email: "cid@acme.test" }));
    ({ session: eve } = await signUpWithOrg(goalpost.app, {
      name: "Eve",
      email: "eve@evil.test",
      orgName: "Evil",
    }));
    const periodId = (await ada.get(`/api/v1/orgs/${orgId}/periods`)).json().items[0].id;
    objectiveId = (await ada.post(`/api/v1/orgs/${orgId}/objectives`, { title: "Launch", periodId })).json()
      .id;
  });
  afterAll(async () => {
    await goalpost?.close();
  });

  it("lets whoever may edit a Jira-driven key result comment on it and on its check-ins, shown oldest first", async () => {
    // A Jira-driven key result (no manual check-ins possible): its connection and row written directly.
    const connectionId = "conn-1";
    await goalpost.database.db.insert(jiraConnections).values({
      id: connectionId,
      orgId,
      name: "Jira",
      baseUrl: "https://acme.atlassian.net",
      email: "ada@acme.test",
      apiTokenSealed: "sealed",
      sharing: "org",
      createdBy: adaId,
    });
    const krId = await insertKeyResult(goalpost.database.db, {
      orgId,
      objectiveId,
      measure: { kind: "percent" },
      jira: { connectionId, jql: "project = AE", metric: "count" },
    });
    const onKr = await ada.post(`/api/v1/key-results/${krId}/comments`, {
      body: "Blocked on the EU launch review.",
    });
    expect(onKr.statusCode, onKr.body).toBe(201);
    expect(onKr.json()).toMatchObject({
      keyResultId: krId,
      checkInId: null,
      author: { id: adaId, name: "Ada" },
      body: "Blocked on the EU launch review.",
    });

    // A manual key result's check-in gets a comment too.
    const manual = (
      await ada.post(`/api/v1/objectives/${objectiveId}/key-results`, {
        title: "NPS",
        measure: { kind: "percent" },
      })
    ).json();
    const checkIn = (await ada.post(`/api/v1/key-results/${manual.id}/check-ins`, { value: 40 })).json();
    const onCheckIn = await ada.post(`/api/v1/key-results/${manual.id}/comments`, {
      body: "Survey sample was small.",
      checkInId: checkIn.id,
    });
    expect(onCheckIn.statusCode, onCheckIn.body).toBe(201);
    expect(onCheckIn.json().checkInId).toBe(checkIn.id);
    // A check-in of another key result is refused, naming the field.
    const wrong = await ada.post(`/api/v1/key-results/${krId}/comments`, {
      body: "x",
      checkInId: checkIn.id,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.fields).toHaveProperty("checkInId");

    await ada.post(`/api/v1/key-results/${krId}/comments`, { body: "Review passed." });
    const listed = await cid.get(`/api/v1/key-results/${krId}/comments`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((c: { body: string }) => c.body)).toEqual([
      "Blocked on the EU launch review.",
      "Review passed.",
    ]);

    // Who may not edit it may read but not comment; another org sees nothing.
    expect((await cid.post(`/api/v1/key-results/${krId}/comments`, { body: "me too" })).statusCode).toBe(403);
    expect((await eve.get(`/api/v1/key-results/${krId}/comments`)).statusCode).toBe(404);
    expect((await eve.post(`/api/v1/key-results/${krId}/comments`, { body: "hi" })).statusCode).toBe(404);
    expect((await ada.post(`/api/v1/key-results/${krId}/comments`, { body: "   " })).statusCode).toBe(400);
  });
});
