import { readConfigFromEnvironment } from "../config/read-environment.ts";
import { DataDirLockedError } from "./data-dir-lock.ts";
import { migrateDatabase } from "./migrate-database.ts";
import { openDatabase } from "./open-database.ts";

/** `npm run db:migrate`: applies pending migrations to the configured database and exits. */
const config = readConfigFromEnvironment();
try {
  const database = await openDatabase(config.database);
  await migrateDatabase(database);
  await database.close();
  process.stdout.write(`Database is up to date (${config.database.kind}).\n`);
} catch (error) {
  if (error instanceof DataDirLockedError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
