import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import fastifyCompress from "@fastify/compress";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMPRESS_THRESHOLD_BYTES } from "./build-app.ts";
import { installErrorHandlers } from "./install-error-handlers.ts";
import { serveWeb } from "./serve-web.ts";

describe("serving the built web app", () => {
  let dist: string;
  let app: FastifyInstance;
  const script = `console.log(${JSON.stringify("x".repeat(5000))});`;
  beforeAll(async () => {
    dist = await mkdtemp(path.join(tmpdir(), "goalpost-web-"));
    await mkdir(path.join(dist, "assets"));
    await writeFile(path.join(dist, "index.html"), "<!doctype html><title>Goalpost</title>");
    await writeFile(path.join(dist, "assets", "index-AbC123.js"), script);
    await writeFile(path.join(dist, "favicon.svg"), "<svg/>");
    // As buildApp assembles it.
    app = Fastify();
    await app.register(fastifyCompress, { global: true, threshold: COMPRESS_THRESHOLD_BYTES });
    const fallback = await serveWeb(app, dist);
    installErrorHandlers(app, fallback ? { spaFallback: fallback } : {});
  });
  afterAll(async () => {
    await app?.close();
    await rm(dist, { recursive: true, force: true });
  });

  it("caches hashed assets for a year as immutable, and compresses them", async () => {
    const response = await app.inject({
      url: "/assets/index-AbC123.js",
      headers: { "accept-encoding": "gzip" },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(response.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(response.rawPayload).toString()).toBe(script);
  });

  it.each([["/"], ["/o/some-org/goals"], ["/index.html"]])(
    "has index.html revalidated on every load (%s)",
    async (url) => {
      const response = await app.inject({ url });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain("<title>Goalpost</title>");
      expect(response.headers["cache-control"]).toBe("no-cache");
    },
  );

  it("has unhashed files revalidated too", async () => {
    const response = await app.inject({ url: "/favicon.svg" });
    expect(response.headers["cache-control"]).toBe("no-cache");
  });
});
