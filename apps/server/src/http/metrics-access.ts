import { timingSafeEqual } from "node:crypto";
import { DomainError } from "@goalpost/domain";
import type { FastifyRequest } from "fastify";

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Who may read `/metrics` (process and traffic details, ~0.5 MB): with `METRICS_TOKEN` set, whoever sends
 * `Authorization: Bearer <METRICS_TOKEN>`; without it, only a scraper on the same machine (the client address,
 * as TRUST_PROXY resolves it, is loopback).
 * @throws DomainError unauthenticated (token missing or wrong) or forbidden (not loopback, no token configured)
 */
export function assertMayReadMetrics(request: FastifyRequest, metricsToken: string | undefined): void {
  if (metricsToken !== undefined) {
    const given = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1];
    if (given === undefined || !sameSecret(given, metricsToken)) {
      throw new DomainError(
        "unauthenticated",
        "Send Authorization: Bearer <METRICS_TOKEN> to read /metrics.",
      );
    }
    return;
  }
  if (!LOOPBACK.test(request.ip)) {
    throw new DomainError(
      "forbidden",
      "/metrics answers scrapers on this machine only; set METRICS_TOKEN to scrape it from elsewhere.",
    );
  }
}
