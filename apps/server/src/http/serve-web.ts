import { existsSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/** Hashed build output (`assets/name-<hash>.js`): its URL changes whenever its content does. */
const IMMUTABLE = "public, max-age=31536000, immutable";
/** index.html (and any unhashed file) is revalidated on every load, so a new build shows at once. */
const REVALIDATE = "no-cache";

/**
 * Serves the built single-page app from `webDist` and returns the SPA fallback (index.html for deep
 * links), or null when the app is not built (API-only process). Hashed assets are cached for a year as
 * immutable; index.html and other unhashed files are revalidated (ETag / Last-Modified) on every load.
 */
export async function serveWeb(
  app: FastifyInstance,
  webDist: string,
): Promise<((request: FastifyRequest, reply: FastifyReply) => unknown) | null> {
  if (!existsSync(path.join(webDist, "index.html"))) return null;
  await app.register(fastifyStatic, {
    root: webDist,
    wildcard: false,
    index: false,
    cacheControl: false,
    // The build writes `.br`/`.gz` beside each file (apps/web/scripts/precompress.ts): sent as they are.
    preCompressed: true,
    setHeaders(res, filePath) {
      res.header("cache-control", isHashedAsset(webDist, filePath) ? IMMUTABLE : REVALIDATE);
    },
  });
  return (_request, reply) => reply.header("cache-control", REVALIDATE).sendFile("index.html");
}

function isHashedAsset(webDist: string, filePath: string): boolean {
  return path.relative(webDist, filePath).startsWith(`assets${path.sep}`);
}
