export { httpSession, signUpWithOrg } from "./http-session.ts";
export { startTestGoalpost, TEST_PUBLIC_URL } from "./start-test-goalpost.ts";
export { createScratchDatabase, TEST_ENGINES } from "./test-database.ts";
