/**
 * The server side of `bench:api`, in its own process so that the load generator does not share its CPU:
 * a Goalpost on `argv[2]` (pglite | postgres) seeded with an org of `argv[3]` key results (4 quarters, 5 key
 * results per objective, 12 weekly check-ins each), listening on a free port, next to a bare Fastify route on
 * another port. Tells the parent (IPC) the URLs and the session cookie, and closes on "close".
 */
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import Fastify from "fastify";
import { startCpuProfile } from "../support/cpu-profile.ts";
import { type Engine, startBenchGoalpost } from "../support/goalpost.ts";
import { schema } from "../support/server-internals.ts";

const engine = (process.argv[2] ?? "pglite") as Engine;
const keyResultCount = Number(process.argv[3] ?? 5000);
const PER_OBJECTIVE = 5;
const CHECK_INS = 12;
const QUARTERS = 4;
const DAY = 86_400_000;

const { goalpost, session, orgId, userId } = await startBenchGoalpost({ engine });
const db = goalpost.database.db;

const seedStarted = performance.now();
const quarterStart = (back: number) => {
  const now = new Date();
  const q = Math.floor(now.getUTCMonth() / 3) - back;
  return new Date(Date.UTC(now.getUTCFullYear(), q * 3, 1));
};
const periodIds: string[] = [];
for (let back = QUARTERS - 1; back >= 0; back--) {
  const id = randomUUID();
  const startsAt = quarterStart(back);
  const endsAt = quarterStart(back - 1);
  await db.insert(schema.periods).values({
    id,
    orgId,
    name: `Q${Math.floor(startsAt.getUTCMonth() / 3) + 1} ${startsAt.getUTCFullYear()}`,
    startsAt,
    endsAt,
  });
  periodIds.push(id);
}
const currentPeriod = periodIds.at(-1) as string;

const objectiveRows: (typeof schema.objectives.$inferInsert)[] = [];
const keyResultRows: (typeof schema.keyResults.$inferInsert)[] = [];
const checkInRows: (typeof schema.checkIns.$inferInsert)[] = [];
const objectiveCount = Math.ceil(keyResultCount / PER_OBJECTIVE);
for (let o = 0; o < objectiveCount; o++) {
  const periodId = periodIds[o % QUARTERS] as string;
  const objectiveId = randomUUID();
  const created = new Date(Date.now() - (QUARTERS - (o % QUARTERS)) * 91 * DAY + o * 1000);
  objectiveRows.push({
    id: objectiveId,
    orgId,
    periodId,
    title: `Objective ${o + 1}: grow the thing`,
    ownerId: userId,
    createdBy: userId,
    createdAt: created,
    // A tenth of the objectives align to the one before them.
    parentId: o % 10 === 9 ? (objectiveRows.at(-1)?.id ?? null) : null,
  });
  for (let k = 0; k < PER_OBJECTIVE && keyResultRows.length < keyResultCount; k++) {
    const id = randomUUID();
    const percent = (o * 7 + k * 13) % 100;
    const kpi = k % 2 === 1;
    keyResultRows.push({
      id,
      orgId,
      objectiveId,
      title: `Key result ${k + 1} of objective ${o + 1}`,
      ownerId: userId,
      createdBy: userId,
      createdAt: new Date(created.getTime() + k),
      measure: kpi
        ? { kind: "kpi", start: 0, target: 200, completedOnly: false, unit: "users" }
        : { kind: "percent" },
      value: kpi ? percent * 2 : percent,
      progress: percent,
      syncedAt: new Date(),
    });
    for (let c = 0; c < CHECK_INS; c++) {
      const share = (c + 1) / CHECK_INS;
      checkInRows.push({
        id: randomUUID(),
        orgId,
        keyResultId: id,
        source: "manual",
        authorId: userId,
        value: (kpi ? percent * 2 : percent) * share,
        progress: percent * share,
        note: c % 4 === 0 ? "Weekly update" : "",
        createdAt: new Date(created.getTime() + c * 7 * DAY),
      });
    }
  }
}
const insertAll = async <T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) => {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
};
await insertAll(objectiveRows, (batch) => db.insert(schema.objectives).values(batch));
await insertAll(keyResultRows, (batch) => db.insert(schema.keyResults).values(batch));
await insertAll(checkInRows, (batch) => db.insert(schema.checkIns).values(batch));
const seedMs = performance.now() - seedStarted;

await goalpost.app.listen({ port: 0, host: "127.0.0.1" });
const address = goalpost.app.server.address();
const goalpostUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

const bare = Fastify({ logger: false });
bare.get("/bare", async () => ({ ok: true, at: new Date().toISOString() }));
// The floor of any route that reads the database: one trivial query through Goalpost's own pool/engine,
// prepared as Goalpost's own hottest reads are (built once, planned once per connection): a primary-key read.
const floorRead = db
  .select({ id: schema.organizations.id })
  .from(schema.organizations)
  .where(eq(schema.organizations.id, sql.placeholder("id")))
  .prepare("bench_floor_read");
bare.get("/bare-db", async () => {
  await floorRead.execute({ id: orgId });
  return { ok: true };
});
await bare.listen({ port: 0, host: "127.0.0.1" });
const bareAddress = bare.server.address();
const bareUrl = `http://127.0.0.1:${typeof bareAddress === "object" && bareAddress ? bareAddress.port : 0}`;

const keyResultId = keyResultRows.filter(
  (row) => objectiveRows.find((o) => o.id === row.objectiveId)?.periodId === currentPeriod,
)[0]?.id;
const cookie = [...session.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
process.send?.({
  goalpostUrl,
  bareUrl,
  cookie,
  seedMs,
  counts: {
    objectives: objectiveRows.length,
    keyResults: keyResultRows.length,
    checkIns: checkInRows.length,
  },
  paths: {
    list: `/api/v1/orgs/${orgId}/objectives?periodId=${currentPeriod}`,
    keyResult: `/api/v1/key-results/${keyResultId}`,
    history: `/api/v1/key-results/${keyResultId}/history`,
  },
});
// BENCH_PROFILE_DIR: a V8 CPU profile of the server while it is measured (written on close).
const profileDir = process.env.BENCH_PROFILE_DIR;
const profiler = profileDir ? await startCpuProfile() : null;
const close = async () => {
  if (profiler && profileDir) await profiler.stop(profileDir, `api-server-${engine}`);
  await bare.close();
  await goalpost.close();
  process.exit(0);
};
process.on("message", (message) => {
  if (message === "close") void close();
});
process.on("disconnect", () => void close());
