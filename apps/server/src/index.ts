export type { Config } from "./config/config.ts";
export { loadConfig } from "./config/load-config.ts";
export { type Goalpost, startGoalpost } from "./start-goalpost.ts";
