import { parseArgs } from "node:util";
import { readConfigFromEnvironment } from "../config/read-environment.ts";
import { DataDirLockedError } from "../db/data-dir-lock.ts";
import { createLogger } from "../logging/logger.ts";
import { onShutdown } from "../process/on-shutdown.ts";
import { startGoalpost } from "../start-goalpost.ts";
import { seedDemoOkrs } from "./demo-okrs.ts";
import { DEMO_LOGIN, DEMO_ORG_NAME, seedDemoOrg } from "./demo-org.ts";
import { DEMO_PORTFOLIO_NAME, seedDemoPortfolio } from "./seed-demo-portfolio.ts";
import { DEMO_JIRA_ACCOUNT, startDemoJira } from "./start-demo-jira.ts";

/**
 * `npm run demo`: Goalpost on embedded defaults (its own data folder, `./data/demo` unless DATA_DIR says
 * otherwise) with a demo organisation and login, and the bundled Jira emulator serving the demo Jira site,
 * all printed on start. `npm run demo -- --jira data-center` (or DEMO_JIRA_DEPLOYMENT=data-center) plays a
 * Jira Data Center server instead of Jira Cloud, with its own data folder (`./data/demo-data-center`).
 */
const { values: flags } = parseArgs({ options: { jira: { type: "string" } }, strict: true });
const overrides: Record<string, string> =
  flags.jira === undefined ? {} : { DEMO_JIRA_DEPLOYMENT: flags.jira };
const deployment = readConfigFromEnvironment({}, overrides).demoJiraDeployment;
const baseConfig = readConfigFromEnvironment(
  { DATA_DIR: deployment === "data-center" ? "./data/demo-data-center" : "./data/demo" },
  overrides,
);
const logger = createLogger({
  ...baseConfig,
  logLevel: baseConfig.logLevel === "info" ? "warn" : baseConfig.logLevel,
});

try {
  const jira = await startDemoJira(baseConfig.demoJiraPort, deployment);
  const config = { ...baseConfig, jiraAllowHosts: [...baseConfig.jiraAllowHosts, new URL(jira.url).host] };
  const goalpost = await startGoalpost(config, { logger, serveWeb: true });
  await seedDemoOrg({ db: goalpost.database.db, auth: goalpost.auth });
  await seedDemoOkrs(goalpost.jobContext, { jiraUrl: jira.url, deployment });
  await seedDemoPortfolio(goalpost.jobContext, jira.url, deployment);
  await goalpost.app.listen({ port: config.port, host: config.host });
  process.stdout.write(
    [
      "",
      "  Goalpost demo is running",
      `  URL:       ${config.publicUrl}`,
      `  Sign in:   ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}   (organisation "${DEMO_ORG_NAME}")`,
      deployment === "data-center"
        ? `  Jira:      ${jira.url}   (the bundled Jira emulator playing Jira Data Center with demo projects; personal access token ${DEMO_JIRA_ACCOUNT.token})`
        : `  Jira:      ${jira.url}   (the bundled Jira emulator with demo projects; account ${DEMO_JIRA_ACCOUNT.email}, API token ${DEMO_JIRA_ACCOUNT.token})`,
      `  Portfolio: "${DEMO_PORTFOLIO_NAME}", configured against that Jira, with initiatives and epics`,
      `  Data:      ${config.database.kind === "pglite" ? config.database.dataDir : "PostgreSQL"}`,
      "  Stop with Ctrl-C.",
      "",
    ].join("\n"),
  );
  onShutdown(logger, async () => {
    await goalpost.close();
    await jira.close();
  });
} catch (error) {
  if (error instanceof DataDirLockedError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
