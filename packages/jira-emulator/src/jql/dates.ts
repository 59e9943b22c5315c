/**
 * Date handling for JQL: absolute values ("2026-01-31", "2026/01/31 10:00"), relative periods ("-7d", "4w 2d"),
 * the `startOf…`/`endOf…` functions and parsing of Jira's stored timestamps. Day boundaries follow the site's
 * time zone (default UTC).
 */

const MINUTE = 60_000;
const PERIOD_UNITS: Record<string, number> = {
  w: 7 * 24 * 60 * MINUTE,
  d: 24 * 60 * MINUTE,
  h: 60 * MINUTE,
  m: MINUTE,
};

/** Parses a date operand value to epoch ms in `timeZone`, or `undefined` when Jira would reject it. */
export function parseDateValue(value: string, now: Date, timeZone: string): number | undefined {
  const text = value.trim();
  const absolute = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text);
  if (absolute) {
    const [y, mo, d, h, mi] = absolute.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
    if (mo === undefined || mo < 1 || mo > 12 || d === undefined || d < 1 || d > 31) return undefined;
    if ((h ?? 0) > 23 || (mi ?? 0) > 59) return undefined;
    return zonedToEpoch(y ?? 0, mo, d, h ?? 0, mi ?? 0, timeZone);
  }
  if (/^-?\d+$/.test(text) && text.length >= 10) return Number(text);
  const offset = parsePeriod(text);
  return offset === undefined ? undefined : now.getTime() + offset;
}

/** A relative period such as "-7d", "4w 2d", "+1h 30m" in ms (days are 24 h), or `undefined`. */
export function parsePeriod(text: string): number | undefined {
  const match = /^([-+])?\s*((?:\d+\s*[wdhm]\s*)+)$/.exec(text.trim());
  if (!match?.[2]) return undefined;
  let total = 0;
  for (const part of match[2].matchAll(/(\d+)\s*([wdhm])/g)) {
    total += Number(part[1]) * (PERIOD_UNITS[part[2] ?? ""] ?? 0);
  }
  return match[1] === "-" ? -total : total;
}

/** Epoch ms of a wall-clock time in an IANA time zone. */
export function zonedToEpoch(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  timeZone: string,
): number {
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  const offset = zoneOffset(guess, timeZone);
  const first = guess - offset;
  const second = zoneOffset(first, timeZone);
  return second === offset ? first : guess - second;
}

/** Offset (ms) of `timeZone` from UTC at the instant `epoch`. */
export function zoneOffset(epoch: number, timeZone: string): number {
  if (timeZone === "UTC") return 0;
  const parts = wallClock(epoch, timeZone);
  return (
    Date.UTC(parts.y, parts.mo - 1, parts.d, parts.h, parts.mi, parts.s) - Math.floor(epoch / 1000) * 1000
  );
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock fields of `epoch` in `timeZone` (`dow` 0 = Sunday). */
export function wallClock(epoch: number, timeZone: string) {
  if (timeZone === "UTC") {
    const d = new Date(epoch);
    return {
      y: d.getUTCFullYear(),
      mo: d.getUTCMonth() + 1,
      d: d.getUTCDate(),
      h: d.getUTCHours(),
      mi: d.getUTCMinutes(),
      s: d.getUTCSeconds(),
      dow: d.getUTCDay(),
    };
  }
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      weekday: "short",
    });
    formatters.set(timeZone, fmt);
  }
  const get = (type: string) => fmt.formatToParts(new Date(epoch)).find((p) => p.type === type)?.value ?? "0";
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  return {
    y: Number(get("year")),
    mo: Number(get("month")),
    d: Number(get("day")),
    h: Number(get("hour")),
    mi: Number(get("minute")),
    s: Number(get("second")),
    dow: days.indexOf(get("weekday")),
  };
}

/** Units of a `startOf…`/`endOf…` argument such as "-1M", "+2w", "3". */
export type BoundaryUnit = "day" | "week" | "month" | "year";

/**
 * `startOfDay/Week/Month/Year(±n[unit])` and `endOf…`: weeks start on Sunday (Jira's default locale);
 * without a unit the function's own unit is used. Returns `undefined` for a malformed argument.
 */
export function boundary(
  kind: "start" | "end",
  unit: BoundaryUnit,
  arg: string | undefined,
  now: Date,
  timeZone: string,
): number | undefined {
  const w = wallClock(now.getTime(), timeZone);
  let y = w.y;
  let mo = w.mo;
  let d = w.d;
  let h = 0;
  let mi = 0;
  if (arg !== undefined && arg.trim() !== "") {
    const m = /^([-+]?)(\d+)([yMwdhm]?)$/.exec(arg.trim());
    if (!m) return undefined;
    const n = Number(m[2]) * (m[1] === "-" ? -1 : 1);
    const u = m[3] || { day: "d", week: "w", month: "M", year: "y" }[unit];
    if (u === "y" || u === "M") {
      const total = y * 12 + (mo - 1) + (u === "y" ? 12 * n : n);
      y = Math.floor(total / 12);
      mo = (total % 12) + 1;
      d = Math.min(d, new Date(Date.UTC(y, mo, 0)).getUTCDate());
    } else if (u === "w") d += 7 * n;
    else if (u === "d") d += n;
    else if (u === "h") h += n;
    else mi += n;
  }
  // normalise the shifted date through UTC arithmetic, keeping the time of day for h/m shifts
  const shifted = new Date(Date.UTC(y, mo - 1, d, w.h + h, w.mi + mi));
  y = shifted.getUTCFullYear();
  mo = shifted.getUTCMonth() + 1;
  d = shifted.getUTCDate();
  const dow = shifted.getUTCDay();
  let start: [number, number, number];
  let next: [number, number, number];
  if (unit === "day") {
    start = [y, mo, d];
    next = [y, mo, d + 1];
  } else if (unit === "week") {
    start = [y, mo, d - dow];
    next = [y, mo, d - dow + 7];
  } else if (unit === "month") {
    start = [y, mo, 1];
    next = [y, mo + 1, 1];
  } else {
    start = [y, 1, 1];
    next = [y + 1, 1, 1];
  }
  const at = (parts: [number, number, number]) => {
    const n = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
    return zonedToEpoch(n.getUTCFullYear(), n.getUTCMonth() + 1, n.getUTCDate(), 0, 0, timeZone);
  };
  return kind === "start" ? at(start) : at(next) - 1;
}

/** Epoch ms of a stored Jira timestamp ("2026-09-25T22:42:39.399+0000") or date ("2026-10-01"), else `undefined`. */
export function parseStoredDate(value: unknown, timeZone: string): number | undefined {
  if (typeof value !== "string" || value === "") return undefined;
  if (value.length === 28 && value.charCodeAt(10) === 84 /* T */) {
    // fast path for Jira's "yyyy-MM-ddTHH:mm:ss.SSS±HHMM"
    const n = (from: number, to: number) => Number(value.slice(from, to));
    const sign = value[23] === "-" ? -1 : 1;
    const offset = sign * (n(24, 26) * 60 + n(26, 28)) * 60_000;
    const ms = Date.UTC(n(0, 4), n(5, 7) - 1, n(8, 10), n(11, 13), n(14, 16), n(17, 19), n(20, 23)) - offset;
    if (!Number.isNaN(ms)) return ms;
  }
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (dateOnly)
    return zonedToEpoch(Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3]), 0, 0, timeZone);
  const normalised = value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
  const ms = Date.parse(normalised);
  return Number.isNaN(ms) ? undefined : ms;
}
