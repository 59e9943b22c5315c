import { PROGRESS_STATUSES, type ProgressStatus, STATUS_COLOURS } from "@goalpost/domain";

/** Human names of the statuses. */
export const STATUS_LABELS: Readonly<Record<ProgressStatus, string>> = {
  not_started: "Not started",
  on_track: "On track",
  behind: "Behind",
  at_risk: "At risk",
  achieved: "Achieved",
};

/** The domain's status colour as a Mantine colour ("grey" is Mantine's "gray"). */
export function statusColor(status: ProgressStatus): string {
  const colour = STATUS_COLOURS[status];
  return colour === "grey" ? "gray" : colour;
}

/** The statuses in the order the summary and filters list them. */
export const STATUS_ORDER: readonly ProgressStatus[] = [
  "on_track",
  "behind",
  "at_risk",
  "achieved",
  "not_started",
];

/** True for the status names the API may send. */
export function isProgressStatus(value: string): value is ProgressStatus {
  return (PROGRESS_STATUSES as readonly string[]).includes(value);
}
