import { defineConfig } from "drizzle-kit";

/** One schema and one set of migrations for both engines (PGlite and PostgreSQL). */
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema/index.ts",
  out: "./drizzle",
});
