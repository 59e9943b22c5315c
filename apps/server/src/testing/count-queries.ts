import type { Goalpost } from "../start-goalpost.ts";

/** The SQL of every query Goalpost sends through Drizzle while `work` runs (in-process requests included). */
export async function queriesDuring(goalpost: Goalpost, work: () => Promise<unknown>): Promise<string[]> {
  const queries: string[] = [];
  const stop = goalpost.database.observeQueries((sql) => queries.push(sql));
  try {
    await work();
  } finally {
    stop();
  }
  return queries;
}
