/**
 * OKF v0.2 (as amended): every timestamp is an ISO 8601 datetime with an explicit UTC offset,
 * quoted in YAML so that no parser turns it into a local date.
 */
const offsetDateTime =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(?:Z|([+-])(\d{2})(?::?(\d{2}))?)$/;

/** The instant a timestamp string names, or undefined when it is not one. */
export function parseOffsetTimestamp(value: string): Date | undefined {
  const match = offsetDateTime.exec(value);
  if (!match) return undefined;
  const number = (index: number): number => Number(match[index] ?? "0");
  const [year, month, day] = [number(1), number(2), number(3)];
  const [hour, minute, second] = [number(4), number(5), number(6)];
  const [offsetHours, offsetMinutes] = [number(9), number(10)];
  if (!isRealDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  if (offsetHours > 23 || offsetMinutes > 59) return undefined;
  const fraction = match[7] ? Math.round(Number(match[7]) * 1000) : 0;
  const sign = match[8] === "-" ? -1 : 1;
  const offsetMs = sign * (offsetHours * 60 + offsetMinutes) * 60_000;
  const local = Date.UTC(year, month - 1, day, hour, minute, second, fraction);
  return new Date(local - offsetMs);
}

/** Whether `YYYY-MM-DD` names a real calendar day. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? isRealDay(Number(match[1]), Number(match[2]), Number(match[3])) : false;
}

function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

export const timestampExample = '"2026-11-27T02:00:00Z"';
