import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { TEST_PUBLIC_URL } from "./start-test-goalpost.ts";

/**
 * A browser-like client over `app.inject`: keeps cookies, sends our Origin on writes, JSON in and out.
 * @example const ada = httpSession(app); await ada.post("/api/v1/signup", {...}); await ada.get("/api/v1/me")
 */
export function httpSession(app: FastifyInstance, options: { bearer?: string } = {}) {
  const cookies = new Map<string, string>();
  async function send(
    method: InjectOptions["method"],
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response: LightMyRequestResponse = await app.inject({
      method,
      url,
      headers: {
        origin: TEST_PUBLIC_URL,
        ...(cookies.size > 0 ? { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; ") } : {}),
        ...(options.bearer ? { authorization: `Bearer ${options.bearer}` } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    for (const cookie of response.cookies as { name: string; value: string; maxAge?: number }[]) {
      if (cookie.value === "" || cookie.maxAge === 0) cookies.delete(cookie.name);
      else cookies.set(cookie.name, cookie.value);
    }
    return response;
  }
  return {
    cookies,
    get: (url: string, headers?: Record<string, string>) => send("GET", url, undefined, headers),
    post: (url: string, body: unknown = {}, headers?: Record<string, string>) =>
      send("POST", url, body, headers),
    put: (url: string, body: unknown, headers?: Record<string, string>) => send("PUT", url, body, headers),
    patch: (url: string, body: unknown, headers?: Record<string, string>) =>
      send("PATCH", url, body, headers),
    delete: (url: string, headers?: Record<string, string>) => send("DELETE", url, undefined, headers),
  };
}

export type HttpSession = ReturnType<typeof httpSession>;

/** Signs up a new person with a new organisation; returns their session and ids. */
export async function signUpWithOrg(
  app: FastifyInstance,
  who: { name: string; email: string; orgName: string },
) {
  const session = httpSession(app);
  const response = await session.post("/api/v1/signup", { ...who, password: "correct horse battery" });
  if (response.statusCode !== 201) throw new Error(`sign-up failed: ${response.statusCode} ${response.body}`);
  const body = response.json() as { user: { id: string }; orgId: string };
  return { session, userId: body.user.id, orgId: body.orgId };
}

/**
 * Signs `name` up into `orgId` through an invite its admin (`admin`) creates; returns their session and id.
 * The e-mail defaults to one made from the name.
 */
export async function joinOrg(
  app: FastifyInstance,
  admin: HttpSession,
  orgId: string,
  who: { name: string; email?: string; role?: "member" | "admin" },
): Promise<{ session: HttpSession; id: string }> {
  const invite = await admin.post(`/api/v1/orgs/${orgId}/invites`, { role: who.role ?? "member" });
  if (invite.statusCode !== 201) throw new Error(`invite failed: ${invite.statusCode} ${invite.body}`);
  const session = httpSession(app);
  const signUp = await session.post("/api/v1/signup", {
    name: who.name,
    email: who.email ?? `${who.name.toLowerCase().replace(/\W/g, "")}@people.test`,
    password: "correct horse battery",
    inviteToken: invite.json().token,
  });
  if (signUp.statusCode !== 201) throw new Error(`join failed: ${signUp.statusCode} ${signUp.body}`);
  return { session, id: signUp.json().user.id as string };
}
