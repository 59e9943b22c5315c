import { isDomainError } from "@goalpost/domain";
import { pino } from "pino";
import { createAuth } from "../auth/create-auth.ts";
import { readConfigFromEnvironment } from "../config/read-environment.ts";
import { DataDirLockedError } from "../db/data-dir-lock.ts";
import { migrateDatabase } from "../db/migrate-database.ts";
import { openDatabase } from "../db/open-database.ts";
import { deriveKey } from "../secrets/derive-key.ts";
import { resolveSecretsKey } from "../secrets/resolve-secrets-key.ts";
import { runCliCommand, UsageError } from "./cli-commands.ts";

/** `npm run cli -- …`: operator commands against the configured database. */
const config = readConfigFromEnvironment();
const logger = pino({ level: "warn" });
let exitCode = 0;
try {
  const database = await openDatabase(config.database);
  try {
    await migrateDatabase(database);
    const secret = deriveKey(await resolveSecretsKey(config), "session-signing").toString("base64");
    const auth = createAuth({ db: database.db, config, secret, logger });
    process.stdout.write(`${await runCliCommand(process.argv.slice(2), { db: database.db, auth })}\n`);
  } finally {
    await database.close();
  }
} catch (error) {
  exitCode = 1;
  if (error instanceof UsageError || error instanceof DataDirLockedError || isDomainError(error)) {
    process.stderr.write(`${error.message}\n`);
  } else if (
    error instanceof TypeError &&
    "code" in error &&
    String(error.code).startsWith("ERR_PARSE_ARGS")
  ) {
    process.stderr.write(`${error.message}\n`);
  } else {
    throw error;
  }
}
process.exit(exitCode);
