import { constants as zlibConstants } from "node:zlib";
import fastifyCompress from "@fastify/compress";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import { CallerCache } from "../auth/caller-cache.ts";
import type { Auth } from "../auth/create-auth.ts";
import type { Db } from "../db/database.ts";
import type { JiraAccess } from "../jira-connections/jira-access.ts";
import type { JobQueue } from "../jobs/job-queue.ts";
import type { Logger } from "../logging/logger.ts";
import type { Mailer } from "../mail/mailer.ts";
import { AnswerCache } from "../read-cache/answer-cache.ts";
import { AUTH_SCOPE, readVersions } from "../read-cache/read-versions.ts";
import type { SecretBox } from "../secrets/secret-box.ts";
import { installHttpMetrics } from "./http-metrics.ts";
import { installAuthentication } from "./install-authentication.ts";
import { installErrorHandlers } from "./install-error-handlers.ts";
import { installJsonBodyParser } from "./json-body-parser.ts";
import { rejectNulCharacters } from "./reject-nul-characters.ts";
import { alignmentRoutes } from "./routes/alignment.routes.ts";
import { apiTokenRoutes } from "./routes/api-tokens.routes.ts";
import { authRoutes } from "./routes/auth.routes.ts";
import { commentRoutes } from "./routes/comments.routes.ts";
import { healthRoutes } from "./routes/health.routes.ts";
import { inviteRoutes } from "./routes/invites.routes.ts";
import { jiraConnectionCheckRoutes } from "./routes/jira-connection-checks.routes.ts";
import { jiraConnectionRoutes } from "./routes/jira-connections.routes.ts";
import { jiraIntegrationRoutes } from "./routes/jira-integration.routes.ts";
import { jiraWebhookRoutes } from "./routes/jira-webhooks.routes.ts";
import { keyResultRoutes } from "./routes/key-results.routes.ts";
import { meRoutes } from "./routes/me.routes.ts";
import { objectiveRoutes } from "./routes/objectives.routes.ts";
import { orgRoutes } from "./routes/orgs.routes.ts";
import { periodRoutes } from "./routes/periods.routes.ts";
import { portfolioInitiativeRoutes } from "./routes/portfolio-initiatives.routes.ts";
import { portfolioJiraRoutes } from "./routes/portfolio-jira.routes.ts";
import { portfolioRoutes } from "./routes/portfolios.routes.ts";
import { signUpRoutes } from "./routes/signup.routes.ts";
import { webhookDeliveryRoutes } from "./routes/webhook-deliveries.routes.ts";
import { installSecurityHeaders } from "./security-headers.ts";
import { serveWeb } from "./serve-web.ts";

/** What the HTTP edge is wired to. */
export interface AppDependencies {
  db: Db;
  auth: Auth;
  box: SecretBox;
  logger: Logger;
  publicUrl: string;
  allowSignup: boolean;
  trustProxy: boolean;
  /** Outbound Jira access: `config.jiraAllowHosts` and the tuning of interactive calls. */
  jira: JiraAccess;
  now(): Date;
  /** Background work: syncs requested by edits go through it. */
  queue: JobQueue;
  /** Outgoing mail (`SMTP_URL`), or null: invite links are then shared by hand. */
  mailer: Mailer | null;
  /** `SYNC_INTERVAL_MINUTES`. */
  syncIntervalMinutes: number;
  /** `CHANGE_PROBE`: whether connections without a live webhook are probed every minute. */
  changeProbe: boolean;
  readinessChecks: Record<string, () => Promise<boolean>>;
  /** `METRICS_TOKEN`; without it `/metrics` answers loopback clients only. */
  metricsToken?: string | undefined;
  /** Folder of the built web app; omitted for an API-only app (tests). */
  webDist?: string;
}

/** Responses smaller than this go uncompressed: compressing them costs more than it saves. */
export const COMPRESS_THRESHOLD_BYTES = 1024;

/** Largest accepted request body: every Goalpost request is a small JSON document. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Builds the Fastify app: zod-validated routes with the generated OpenAPI document at `/api/openapi.json`
 * (browsable at `/api/docs`), auth, health and metrics, and the web app. Testable in-process via `inject`.
 */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: deps.trustProxy,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 300 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installSecurityHeaders(app, deps.publicUrl);
  installJsonBodyParser(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Goalpost API",
        version: "1",
        description:
          "OKRs and portfolios whose progress comes from Jira. Authenticate with the session cookie or `Authorization: Bearer <personal API token>`.",
      },
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer" },
          session: { type: "apiKey", in: "cookie", name: "better-auth.session_token" },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  await app.register(fastifyRateLimit, { global: false });
  // Large JSON (a page of the goals list) and the web app's files, for clients that accept it.
  // Compressed per response, so cheaply: brotli's default (11) takes ~1 s for a 400 KB script. The web app's
  // files are compressed once at build time instead (serve-web.ts).
  await app.register(fastifyCompress, {
    global: true,
    threshold: COMPRESS_THRESHOLD_BYTES,
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });

  installHttpMetrics(app);
  rejectNulCharacters(app);
  const callers = new CallerCache({
    now: deps.now,
    readRevocationVersion: async () => (await readVersions(deps.db, [AUTH_SCOPE])).get(AUTH_SCOPE) ?? 0,
  });
  installAuthentication(app, { ...deps, callers });
  const spaFallback = deps.webDist ? await serveWeb(app, deps.webDist) : null;
  installErrorHandlers(app, spaFallback ? { spaFallback } : {});

  await app.register(healthRoutes({ checks: deps.readinessChecks, metricsToken: deps.metricsToken }));
  await app.register(authRoutes(deps));
  await app.register(signUpRoutes(deps));
  await app.register(meRoutes(deps));
  await app.register(apiTokenRoutes(deps));
  await app.register(orgRoutes(deps));
  await app.register(inviteRoutes(deps));
  await app.register(jiraIntegrationRoutes(deps));
  await app.register(jiraConnectionRoutes(deps));
  await app.register(jiraConnectionCheckRoutes(deps));
  await app.register(periodRoutes(deps));
  const answers = new AnswerCache({ now: deps.now });
  await app.register(alignmentRoutes(deps));
  await app.register(objectiveRoutes({ ...deps, answers }));
  await app.register(keyResultRoutes({ ...deps, answers }));
  await app.register(commentRoutes(deps));
  await app.register(portfolioRoutes(deps));
  await app.register(portfolioInitiativeRoutes(deps));
  await app.register(portfolioJiraRoutes(deps));
  await app.register(jiraWebhookRoutes(deps));
  await app.register(webhookDeliveryRoutes(deps));
  return app;
}
