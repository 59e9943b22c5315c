/** Serves a fetch handler over node:http or node:https, turning the reset fault into a real socket reset. */
import { createServer, type IncomingMessage, type RequestListener } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { ConnectionResetError, type FetchHandler } from "../http/handler.ts";

async function toRequest(req: IncomingMessage, base: string, signal: AbortSignal): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const method = req.method ?? "GET";
  const body = chunks.length > 0 && method !== "GET" && method !== "HEAD" ? Buffer.concat(chunks) : undefined;
  return new Request(new URL(req.url ?? "/", base), { method, headers, body, signal });
}

/** A PEM certificate and private key: with them the server speaks HTTPS. */
export interface TlsOptions {
  cert: string;
  key: string;
}

/** Starts listening (HTTPS when `tls` is given); resolves with the base URL and a close function. */
export async function startServer(
  handler: FetchHandler,
  port: number,
  host: string,
  tls?: TlsOptions,
): Promise<{ url: string; close(): Promise<void> }> {
  const scheme = tls === undefined ? "http" : "https";
  let base = `${scheme}://${host}:${port}`;
  const listener: RequestListener = (req, res) => {
    const abort = new AbortController();
    res.on("close", () => abort.abort(new Error("client closed the connection")));
    void (async () => {
      try {
        const response = await handler(await toRequest(req, base, abort.signal));
        const headers: Record<string, string> = {};
        response.headers.forEach((value, name) => {
          headers[name] = value;
        });
        const body = Buffer.from(await response.arrayBuffer());
        res.writeHead(response.status, headers);
        res.end(body);
      } catch (error) {
        if (error instanceof ConnectionResetError) {
          req.socket.resetAndDestroy();
          return;
        }
        if (abort.signal.aborted) return;
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ errorMessages: [String(error)], errors: {} }));
      }
    })();
  };
  const server = tls === undefined ? createServer(listener) : createHttpsServer(tls, listener);
  // Idle keep-alive sockets stay open longer than clients keep them (undici: 4 s), as behind Atlassian's and
  // most companies' proxies: the client closes first. With Node's default 5 s, a test that blocks the event loop
  // (loading a large dataset in-process) saw the server drop a socket the client had just reused.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  base = `${scheme}://${host}:${address.port}`;
  return {
    url: base,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
