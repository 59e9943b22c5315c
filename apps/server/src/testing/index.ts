export { httpSession, joinOrg, signUpWithOrg } from "./http-session.ts";
export { startTestGoalpost, TEST_PUBLIC_URL } from "./start-test-goalpost.ts";
export { MID_QUARTER, type TestClock, testClock } from "./test-clock.ts";
export { createScratchDatabase, TEST_ENGINES } from "./test-database.ts";
