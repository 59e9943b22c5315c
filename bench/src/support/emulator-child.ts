/**
 * A Jira emulator in its own process (so its memory and CPU stay out of the measured process). Driven over
 * IPC by {@link startEmulatorProcess}: faults, per-account request statistics (the request log is drained
 * every 200 ms, so its 10,000-entry bound never drops a request), and the site's issue ids.
 */
import { createJiraEmulator, type DatasetSpec, type FaultConfig } from "@goalpost/jira-emulator";
import type { AccountStats, EmulatorCommand, EmulatorReply } from "./emulator-protocol.ts";

const spec = JSON.parse(process.argv[2] ?? "{}") as {
  dataset: DatasetSpec;
  users: { email: string; token: string }[];
  faults?: Partial<FaultConfig>;
};
const jira = await createJiraEmulator({
  dataset: spec.dataset,
  users: spec.users,
  listen: true,
  ...(spec.faults ? { faults: spec.faults } : {}),
});

const stats = new Map<string, AccountStats>();
let cpuSince = process.cpuUsage();
const drain = () => {
  for (const entry of jira.admin.requestLog()) {
    const account = entry.accountId ?? "anonymous";
    const current = stats.get(account) ?? { requests: 0, bytes: 0, byEndpoint: {} };
    current.requests += 1;
    current.bytes += entry.bytes;
    const endpoint = `${entry.method} ${entry.path.replace(/\/issue\/[^/]+\/(transitions|worklog)$/, "/issue/:key/$1").replace(/\/issue\/[A-Z]+-\d+$/, "/issue/:key")}`;
    current.byEndpoint[endpoint] = (current.byEndpoint[endpoint] ?? 0) + 1;
    stats.set(account, current);
  }
  jira.admin.clearRequestLog();
};
const drainTimer = setInterval(drain, 200);

function answer(command: EmulatorCommand): unknown {
  switch (command.op) {
    case "faults":
      return jira.admin.setFaults(command.faults);
    case "stats": {
      drain();
      const cpu = process.cpuUsage(cpuSince);
      const snapshot = { accounts: Object.fromEntries(stats), cpuMs: (cpu.user + cpu.system) / 1000 };
      if (command.reset) {
        stats.clear();
        cpuSince = process.cpuUsage();
      }
      return snapshot;
    }
    case "reset":
      jira.admin.reset();
      stats.clear();
      cpuSince = process.cpuUsage();
      return jira.admin.store.issues.size;
    case "issues":
      return [...jira.admin.store.issues.values()].map((issue) => ({
        id: issue.id,
        key: issue.key,
        project: (issue.fields.project as { key: string }).key,
        type: (issue.fields.issuetype as { name: string }).name,
        parent: (issue.fields.parent as { key?: string } | undefined)?.key ?? null,
        labels: Array.isArray(issue.fields.labels) ? issue.fields.labels.map(String) : [],
      }));
    case "close":
      clearInterval(drainTimer);
      void jira.close().then(() => process.exit(0));
      return null;
  }
}

process.on("message", (message: { id: number; command: EmulatorCommand }) => {
  let reply: EmulatorReply;
  try {
    reply = { id: message.id, ok: true, value: answer(message.command) };
  } catch (error) {
    reply = { id: message.id, ok: false, error: String(error) };
  }
  process.send?.(reply);
});
// The parent died or closed the channel: do not outlive it.
process.on("disconnect", () => process.exit(0));
process.send?.({ id: 0, ok: true, value: jira.url });
