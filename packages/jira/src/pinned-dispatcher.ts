/**
 * DNS-rebinding protection: the guard checks a host's addresses, then the HTTP client would resolve the name
 * again — a name answering a public address to the check and 127.0.0.1 to the connect reached loopback. The
 * dispatcher here makes the connection resolve through a lookup that refuses every blocked address, so the
 * address connected to is always one that passed the check.
 */
import type { LookupAddress, LookupOptions } from "node:dns";
import { Agent, type Dispatcher } from "undici";
import { isBlockedAddress } from "./blocked-addresses.ts";
import { type HostResolver, privateAddressReason, systemResolver } from "./url-guard.ts";

/** The connection-time refusal (found in `fetch`'s `cause` chain and reported as `blocked_url`). */
export class BlockedAddressError extends Error {
  readonly code = "EGOALPOST_BLOCKED_ADDRESS";
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** A `net.connect` `lookup` that resolves with `resolve` and refuses the name if any answer is blocked. */
export function pinnedLookup(resolve: HostResolver) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolve(hostname).then(
      (addresses) => {
        const bad = addresses.find((a) => isBlockedAddress(a));
        if (bad !== undefined || addresses.length === 0) {
          const reason =
            bad === undefined ? `${hostname} does not resolve` : privateAddressReason(hostname, bad);
          callback(new BlockedAddressError(reason), "");
          return;
        }
        const found: LookupAddress[] = addresses.map((address) => ({
          address,
          family: address.includes(":") ? 6 : 4,
        }));
        const wanted = options.family === 4 || options.family === 6 ? options.family : undefined;
        const usable = wanted === undefined ? found : found.filter((a) => a.family === wanted);
        const first = usable[0];
        if (first === undefined) {
          callback(
            Object.assign(new Error(`${hostname} has no IPv${wanted} address`), { code: "ENOTFOUND" }),
            "",
          );
          return;
        }
        if (options.all === true) callback(null, usable);
        else callback(null, first.address, first.family);
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), ""),
    );
  };
}

let systemDispatcher: Dispatcher | undefined;

/** An undici dispatcher whose connections only reach addresses the guard allows (one shared for system DNS). */
export function pinnedDispatcher(resolve?: HostResolver): Dispatcher {
  if (resolve === undefined) {
    systemDispatcher ??= new Agent({ connect: { lookup: pinnedLookup(systemResolver) } });
    return systemDispatcher;
  }
  return new Agent({ connect: { lookup: pinnedLookup(resolve) } });
}

/** Whether `error` (or its `cause` chain) is a connection-time refusal; returns it. */
export function blockedAddressIn(error: unknown): BlockedAddressError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    if (current instanceof BlockedAddressError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
