/** What the samplers of the SQL extractors share once a row has been fetched. */

/** An optional minus sign and digits only. */
export const wholeNumber = /^-?\d+$/;

/** A DECIMAL or NUMERIC as text: whole numbers beyond double precision stay exact as BigInt. */
export function exactNumber(text: string): number | bigint {
  return wholeNumber.test(text) && text.replace("-", "").length > 15 ? BigInt(text) : Number(text);
}

/** The Date at `iso`, or `original` when that is no valid date (zero dates, `infinity`, BC). */
export function dateOrText(iso: string, original: string): Date | string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? original : date;
}

/** A `YYYY-MM-DD` date as midnight UTC; anything else stays text. */
export function dayOrText(text: string): Date | string {
  return dateOrText(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : "", text);
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
