/** What the samplers of the SQL extractors share once a row has been fetched. */

/** An optional minus sign and digits only. */
export const wholeNumber = /^-?\d+$/;

/** A DECIMAL or NUMERIC as text: whole numbers beyond double precision stay exact as BigInt. */
export function exactNumber(text: string): number | bigint {
  return wholeNumber.test(text) && text.replace("-", "").length > 15 ? BigInt(text) : Number(text);
}

/** The Date at `iso`, or `original` when that is no valid date (zero dates, `infinity`, BC). */
function dateOrText(iso: string, original: string): Date | string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? original : date;
}

/** A `YYYY-MM-DD` date as midnight UTC; anything else stays text. */
export function dayOrText(text: string): Date | string {
  return dateOrText(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : "", text);
}

/**
 * A date-time without a time zone (PostgreSQL and Redshift `timestamp`, MySQL `DATETIME`) as
 * ISO 8601 text without an offset: a Date would claim UTC (`Z`) for a time that has no zone, and
 * would drop the digits past the milliseconds. Anything else (zero dates, `infinity`) stays as is.
 */
export function zonelessDateTime(text: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d+))?$/.exec(text);
  const [, day = "", time = "", digits = ""] = match ?? [];
  // Date rolls 2024-02-30 over to March; a server that allows invalid dates stores it as written.
  const parsed = new Date(`${day}T${time}Z`);
  if (
    !match ||
    Number.isNaN(parsed.getTime()) ||
    parsed.toISOString().slice(0, 19) !== `${day}T${time}`
  )
    return text;
  const fraction = digits.replace(/0+$/, "");
  return `${day}T${time}${fraction === "" ? "" : `.${fraction}`}`;
}

/**
 * An instant (`timestamptz`, written with an offset) in UTC with all its digits: a Date keeps
 * milliseconds only, and a value cut to them is one no row holds (`…03.905Z` for `…03.905795`).
 * Offsets are whole minutes, so the digits past the seconds are the same in UTC.
 */
export function exactInstant(text: string): string {
  const iso = text.replace(/^(\d{4}-\d{2}-\d{2}) /, "$1T").replace(/([+-]\d{2})$/, "$1:00");
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return text;
  const fraction = (/T[\d:]+\.(\d+)/.exec(iso)?.[1] ?? "").replace(/0+$/, "");
  const seconds = date.toISOString().slice(0, 19);
  return fraction === "" ? `${seconds}Z` : `${seconds}.${fraction}Z`;
}

export interface SampleColumns {
  /** The select list, identifiers quoted. */
  selectList: string;
  /** Turns a fetched row into the record the profiler reads. */
  toRecord(row: Record<string, unknown>): Record<string, unknown>;
}

/** The record of one fetched row: each column's value converted by its kind. */
export function recordOf<Kind>(
  columns: readonly { name: string; kind: Kind }[],
  row: Record<string, unknown>,
  convert: (kind: Kind, value: unknown) => unknown,
): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const { name, kind } of columns) record[name] = convert(kind, row[name]);
  return record;
}
