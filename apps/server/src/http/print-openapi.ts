import { startTestGoalpost } from "../testing/start-test-goalpost.ts";

/**
 * Prints the API's OpenAPI document (`GET /api/openapi.json`) on stdout, without a network: the whole app is
 * built in-process on in-memory PGlite and asked through `inject`. `npm run gen:api` types the web client
 * from it.
 */
const goalpost = await startTestGoalpost("pglite");
try {
  const response = await goalpost.app.inject({ method: "GET", url: "/api/openapi.json" });
  if (response.statusCode !== 200) throw new Error(`GET /api/openapi.json answered ${response.statusCode}`);
  process.stdout.write(`${JSON.stringify(response.json(), null, 2)}\n`);
} finally {
  await goalpost.close();
}
