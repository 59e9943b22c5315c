/** Thrown by a sync job whose connection is being synced by someone else: the queue retries it shortly. */
export class SyncBusyError extends Error {
  override readonly name = "SyncBusyError";
  constructor(connectionId: string) {
    super(`connection ${connectionId} is being synced by another worker; retrying`);
  }
}
