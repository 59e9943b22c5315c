import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A site that records the Authorization header of every request it gets, and refuses them all. */
export interface CredentialSink {
  /** `http://localhost:<port>`: another origin than the emulator's (127.0.0.1), whatever the ports. */
  url: string;
  /** The Authorization header of each request, `(none)` when absent. */
  seen: string[];
  close(): Promise<void>;
}

/**
 * Starts another Jira "site" an attacker (or a careless admin) points a connection at, to prove a saved token
 * is never sent there.
 */
export async function startCredentialSink(): Promise<CredentialSink> {
  const seen: string[] = [];
  const server: Server = createServer((request, response) => {
    seen.push(request.headers.authorization ?? "(none)");
    response.writeHead(401, { "content-type": "application/json" });
    response.end(JSON.stringify({ errorMessages: ["nope"] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
