import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Goalpost } from "../start-goalpost.ts";
import { signUpWithOrg } from "../testing/http-session.ts";
import { startTestGoalpost } from "../testing/start-test-goalpost.ts";

describe("adding portfolio members by e-mail", () => {
  let goalpost: Goalpost;
  beforeAll(async () => {
    goalpost = await startTestGoalpost("pglite");
  });
  afterAll(async () => goalpost?.close());

  it("is rate-limited per person, so whether an e-mail has an account cannot be probed in bulk", async () => {
    const ada = await signUpWithOrg(goalpost.app, { name: "Ada", email: "ada@probe.test", orgName: "Probe" });
    const created = await ada.session.post(`/api/v1/orgs/${ada.orgId}/portfolios`, { name: "P" });
    expect(created.statusCode).toBe(201);
    const portfolioId = (created.json() as { id: string }).id;
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) {
      const response = await ada.session.post(`/api/v1/portfolios/${portfolioId}/members`, {
        email: `guess${i}@probe.test`,
        role: "viewer",
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429, 429, 429, 429]);

    // The limit is per person: someone else is not locked out by Ada's probing.
    const bob = await signUpWithOrg(goalpost.app, { name: "Bob", email: "bob@probe.test", orgName: "Bob's" });
    const own = (await bob.session.post(`/api/v1/orgs/${bob.orgId}/portfolios`, { name: "B" })).json() as {
      id: string;
    };
    const added = await bob.session.post(`/api/v1/portfolios/${own.id}/members`, {
      email: "ada@probe.test",
      role: "viewer",
    });
    expect(added.statusCode).toBe(200);
  });
});
