/** Jira's value formats: timestamps, dates and time-tracking durations. */

const pad = (value: number, width = 2): string => String(value).padStart(width, "0");

/** Formats an instant as Jira does in REST v3: `2026-09-25T22:42:39.399+0000` (always UTC here). */
export function formatJiraDateTime(date: Date): string {
  return (
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}` +
    `.${pad(date.getUTCMilliseconds(), 3)}+0000`
  );
}

/** Formats a calendar date as Jira's `duedate`: `2026-10-01`. */
export function formatJiraDate(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Parses Jira's timestamp formats (`+0000`, `+02:00`, ISO) into a Date; `undefined` when unparseable. */
export function parseJiraDateTime(text: string): Date | undefined {
  const normalized = text.replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
  const date = new Date(normalized);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
/** Jira's default time tracking: a day is 8 hours, a week is 5 days. */
const DAY = 8 * HOUR;
const WEEK = 5 * DAY;

/** Formats seconds as Jira's pretty duration (`1w 2d`, `1d 1h`, `30m`; `0m` for zero). */
export function formatJiraDuration(seconds: number): string {
  let rest = Math.max(0, Math.round(seconds));
  const parts: string[] = [];
  for (const [unit, size] of [
    ["w", WEEK],
    ["d", DAY],
    ["h", HOUR],
    ["m", MINUTE],
  ] as const) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count}${unit}`);
    rest -= count * size;
  }
  return parts.length === 0 ? "0m" : parts.join(" ");
}

/** Parses a Jira duration (`2h 30m`, `1d`, `1.5h`, `90` = minutes) into seconds; `undefined` when invalid. */
export function parseJiraDuration(text: string): number | undefined {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * MINUTE);
  const sizes: Record<string, number> = { w: WEEK, d: DAY, h: HOUR, m: MINUTE };
  let total = 0;
  for (const part of trimmed.split(/\s+/)) {
    const match = /^(\d+(?:\.\d+)?)([wdhm])$/.exec(part);
    const unit = match?.[2];
    const size = unit === undefined ? undefined : sizes[unit];
    if (match === null || size === undefined) return undefined;
    total += Number(match[1]) * size;
  }
  return Math.round(total);
}
