import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Goalpost } from "../start-goalpost.ts";
import { type HttpSession, httpSession, signUpWithOrg } from "../testing/http-session.ts";
import { startTestGoalpost } from "../testing/start-test-goalpost.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";

/** ~200k levels of nesting: JSON.parse copes; anything recursive over the value overflows the stack. */
const DEEP_ARRAY = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;
const deepObject = (key: string) => `${`{"${key}":`.repeat(100_000)}1${"}".repeat(100_000)}`;

describe.each(TEST_ENGINES)("hostile shapes answer 400, not 500, on %s", (engine) => {
  let goalpost: Goalpost;
  let ada: HttpSession;
  let orgId: string;
  beforeAll(async () => {
    goalpost = await startTestGoalpost(engine);
    ({ session: ada, orgId } = await signUpWithOrg(goalpost.app, {
      name: "Ada",
      email: "ada@deep.test",
      orgName: "Deep",
    }));
  });
  afterAll(async () => goalpost?.close());

  const send = (session: HttpSession | null, url: string, payload: string) =>
    goalpost.app.inject({
      method: "POST",
      url,
      payload,
      headers: {
        "content-type": "application/json",
        origin: "http://goalpost.test",
        ...(session ? { cookie: [...session.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } : {}),
      },
    });

  it.each([
    ["sign-in", "/api/auth/sign-in/email", false],
    ["sign-up", "/api/v1/signup", false],
    ["API token", "/api/v1/me/tokens", true],
    ["period", "/api/v1/orgs/:orgId/periods", true],
    ["Jira connection", "/api/v1/orgs/:orgId/jira/connections", true],
  ])("~200k-deep JSON to %s", async (_name, path, signedIn) => {
    const url = path.replace(":orgId", orgId);
    for (const payload of [DEEP_ARRAY, deepObject("a"), deepObject("__proto__")]) {
      const response = await send(signedIn ? ada : null, url, payload);
      expect(response.statusCode, `${url} ${payload.slice(0, 12)}`).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, `${url} ${payload.slice(0, 12)}`).toBeLessThan(500);
    }
  });

  it('answers baseUrl "nope" with 400 naming the field, signed in or not', async () => {
    const body = { name: "J", baseUrl: "nope", email: "a@b.test", apiToken: "t" };
    const url = `/api/v1/orgs/${orgId}/jira/connections`;
    const anonymous = await httpSession(goalpost.app).post(url, body);
    expect(anonymous.statusCode).toBeLessThan(500);
    const signedIn = await ada.post(url, body);
    expect(signedIn.statusCode).toBe(400);
    expect(JSON.stringify(signedIn.json())).toContain("baseUrl");
  });
});
