import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { createAuthMiddleware } from "better-auth/api";
import type { Config } from "../config/config.ts";
import type { Db } from "../db/database.ts";
import { accounts, rateLimits, sessions, users, verifications } from "../db/schema/index.ts";
import type { Logger } from "../logging/logger.ts";

/** Header the HTTP edge sets to the client address it trusts; incoming copies are dropped. */
export const CLIENT_IP_HEADER = "x-goalpost-client-ip";

/** In development the web app is served by Vite's dev server, which proxies `/api` here. */
const VITE_DEV_ORIGINS = ["http://localhost:5173", "http://127.0.0.1:5173"];

export const SESSION_TTL_SECONDS = 14 * 24 * 3600;

/**
 * better-auth handles identity: password hashing (scrypt), sessions in httpOnly SameSite=Lax cookies,
 * origin checks on its endpoints and sign-in rate limiting stored in the database (so several processes
 * share the count).
 */
export function createAuth(options: {
  db: Db;
  config: Pick<Config, "publicUrl" | "signInRateLimit" | "env">;
  secret: string;
  logger: Logger;
}) {
  const { db, config, secret, logger } = options;
  return betterAuth({
    appName: "Goalpost",
    baseURL: config.publicUrl,
    basePath: "/api/auth",
    secret,
    trustedOrigins:
      config.env === "development" ? [config.publicUrl, ...VITE_DEV_ORIGINS] : [config.publicUrl],
    telemetry: { enabled: false },
    logger: {
      level: "warn",
      log: (level, message) => logger[level === "debug" ? "debug" : level]({ component: "auth" }, message),
    },
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: {
        user: users,
        session: sessions,
        account: accounts,
        verification: verifications,
        rateLimit: rateLimits,
      },
    }),
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128, autoSignIn: true },
    session: {
      expiresIn: SESSION_TTL_SECONDS,
      updateAge: 24 * 3600,
      // No signed cookie cache: it would outlive a revocation by its whole age. The API edge keeps verified
      // sessions in-process instead and drops them on any revocation (auth/caller-cache.ts).
      cookieCache: { enabled: false },
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 300,
      customRules: {
        "/sign-in/email": { window: 60, max: config.signInRateLimit },
        "/sign-up/email": { window: 60, max: config.signInRateLimit },
      },
    },
    hooks: {
      // A password change signs out every other session, whatever the client asks (better-auth's
      // `revokeOtherSessions` defaults to false): whoever knew the old password is out; this session stays.
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/change-password") return;
        const body: unknown = ctx.body;
        if (typeof body !== "object" || body === null) return;
        return { context: { body: { ...body, revokeOtherSessions: true } } };
      }),
    },
    advanced: {
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      useSecureCookies: config.publicUrl.startsWith("https://"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
