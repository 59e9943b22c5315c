import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Goalpost } from "../start-goalpost.ts";
import { type HttpSession, signUpWithOrg } from "../testing/http-session.ts";
import { hasPostgresBinaries, type OwnPostgres, startOwnPostgres } from "../testing/own-postgres.ts";
import { startTestGoalpost } from "../testing/start-test-goalpost.ts";

/** Asks until `ready` holds (state, not a clock): at most `attempts` tries, 250 ms apart. */
async function until(ready: () => Promise<boolean>, attempts = 120): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (await ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("never became ready");
}

describe("PostgreSQL stopped and restarted under a running Goalpost", () => {
  let pg: OwnPostgres;
  let goalpost: Goalpost;
  let ada: HttpSession;
  let orgId: string;

  beforeAll(async () => {
    if (!hasPostgresBinaries())
      throw new Error("PostgreSQL 15 server binaries not found under /usr/lib/postgresql/15/bin");
    pg = await startOwnPostgres();
    goalpost = await startTestGoalpost("pglite", { DATABASE_URL: pg.url });
    ({ session: ada, orgId } = await signUpWithOrg(goalpost.app, {
      name: "Ada",
      email: "ada@restart.test",
      orgName: "Restart",
    }));
  }, 120_000);
  afterAll(async () => {
    await goalpost?.close().catch(() => undefined);
    await pg?.close();
  });

  const readyz = () => goalpost.app.inject({ method: "GET", url: "/readyz" });

  it("answers 503 (not 500) while the database is down, says so on /readyz, and recovers by itself", async () => {
    expect((await ada.get(`/api/v1/orgs/${orgId}/periods`)).statusCode).toBe(200);
    expect((await readyz()).statusCode).toBe(200);

    await pg.stop();
    const during = await ada.get(`/api/v1/orgs/${orgId}/periods`);
    expect(during.statusCode).toBe(503);
    expect(during.headers["retry-after"]).toBe("5");
    expect(during.json().error.code).toBe("service_unavailable");
    const notReady = await readyz();
    expect(notReady.statusCode).toBe(503);
    expect(notReady.json().checks.database).toBe(false);

    await pg.start();
    await until(async () => (await readyz()).statusCode === 200);
    const after = await Promise.all(
      Array.from({ length: 20 }, () => ada.get(`/api/v1/orgs/${orgId}/periods`)),
    );
    expect(after.map((r) => r.statusCode)).toEqual(Array.from({ length: 20 }, () => 200));
  }, 120_000);
});
