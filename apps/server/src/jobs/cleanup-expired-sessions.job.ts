import { lt } from "drizzle-orm";
import { z } from "zod";
import { invites, rateLimits, sessions } from "../db/schema/index.ts";
import { defineJob } from "./define-job.ts";

/** Invites stay visible (as expired) for a week after they lapse, then go. */
const EXPIRED_INVITE_GRACE_MS = 7 * 24 * 3600 * 1000;
/** Sign-in rate-limit counters older than a day are useless. */
const RATE_LIMIT_RETENTION_MS = 24 * 3600 * 1000;

/** Hourly: deletes expired sessions, long-expired invites and stale sign-in rate-limit counters. */
export const cleanupExpiredSessionsJob = defineJob({
  name: "cleanup-expired-sessions",
  payload: z.object({}).strict(),
  retry: { limit: 3, delaySeconds: 60, backoff: true, maxDelaySeconds: 900 },
  timeoutSeconds: 300,
  schedule: { cron: "17 * * * *", payload: {} },
  async handler(_payload, { db, logger, now }) {
    const at = now();
    const deletedSessions = await db
      .delete(sessions)
      .where(lt(sessions.expiresAt, at))
      .returning({ id: sessions.id });
    const deletedInvites = await db
      .delete(invites)
      .where(lt(invites.expiresAt, new Date(at.getTime() - EXPIRED_INVITE_GRACE_MS)))
      .returning({ id: invites.id });
    await db.delete(rateLimits).where(lt(rateLimits.lastRequest, at.getTime() - RATE_LIMIT_RETENTION_MS));
    logger.info(
      { sessions: deletedSessions.length, invites: deletedInvites.length },
      "cleanup-expired-sessions: removed expired rows",
    );
  },
});
