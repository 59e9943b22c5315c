import type { FastifyInstance } from "fastify";

/**
 * The Content-Security-Policy of every response. Scripts only from our own origin (no inline script, no eval):
 * an injected `<script>` or `onerror=` cannot run. Styles allow 'unsafe-inline' because Mantine (Emotion-free
 * CSS variables resolver) writes `<style>` elements and `style=` attributes at run time; a style cannot run
 * code. `frame-ancestors 'none'`: no other site may frame a Goalpost page (clickjacking).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * Security headers on every response (the app, the API, assets, CSV, errors):
 * CSP, `X-Frame-Options: DENY` (frame-ancestors for old browsers), `nosniff` (a CSV or JSON answer is never
 * run as a script), `Referrer-Policy: no-referrer` (an `/invite/<token>` URL never leaks in a Referer), and
 * `Cross-Origin-Opener-Policy: same-origin`. HSTS only when Goalpost is served over https.
 */
export function securityHeaders(publicUrl: string): Record<string, string> {
  return {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    ...(publicUrl.startsWith("https:") ? { "strict-transport-security": "max-age=15552000" } : {}),
  };
}

/** Sets {@link securityHeaders} on every reply (before any handler, so 404s and errors carry them too). */
export function installSecurityHeaders(app: FastifyInstance, publicUrl: string): void {
  const headers = securityHeaders(publicUrl);
  app.addHook("onRequest", async (_request, reply) => {
    reply.headers(headers);
  });
}
