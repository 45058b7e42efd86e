import { createHash } from "node:crypto";
import type { SampleViews } from "../shared/config-keys.js";
import type { Dataset } from "../../src/model/index.js";
import { quoteIdentifier } from "./quote.js";
import { sampleColumns, type SampleColumns } from "./sample-columns.js";
import { viewRowBound } from "./view-cost.js";

/** Key ranges read per table: more spread the sample, each costs one more (indexed) query. */
const keyRanges = 8;

const integerType = /^(tinyint|smallint|mediumint|int|integer|bigint)\b/i;

export type SamplePlan =
  | { read: false; reason: string }
  | {
      read: true;
      /** `first`: one capped read in storage order; `ranges`: reads along the integer key. */
      strategy: "first";
      query: string;
      method: string;
      /** Said instead of `method` when the read hit the cap: the table was larger than thought. */
      cappedMethod: string;
      limit: number;
      columns: SampleColumns;
      /** Read only when EXPLAIN estimates `query` to read at most this many rows (views, auto). */
      rowBound?: number;
    }
  | {
      read: true;
      strategy: "ranges";
      /** `SELECT MIN(key), MAX(key)`: answered from the ends of the primary key index. */
      boundsQuery: string;
      /** The reads for the key range [low, high]; at most `limit` rows in all. */
      rangeQueries(low: bigint, high: bigint): RangeRead[];
      method: string;
      limit: number;
      columns: SampleColumns;
    };

/** One indexed range read; `wrap` continues from the lowest key when `query` fell short. */
interface RangeRead {
  /** The read at its share of the cap, `limit` rows. */
  query: string;
  limit: number;
  /** The same read for more rows: the shortfall of earlier ranges carries over. */
  withLimit: (rows: number) => string;
  wrap?: (remaining: number) => string;
}

function count(value: number): string {
  return value.toLocaleString("en-US");
}

/**
 * The primary key when its first column is an integer: ranges of that column are index range
 * reads on the primary key whether the key has one column or several (`emp_no, from_date`).
 */
function integerKey(dataset: Dataset): { lead: string; columns: string[] } | undefined {
  const primary = dataset.keys.find((key) => key.kind === "primary");
  const [lead] = primary?.fields ?? [];
  if (primary === undefined || lead === undefined) return undefined;
  const field = dataset.fields.find((candidate) => candidate.name === lead);
  return field && integerType.test(field.type) ? { lead, columns: primary.fields } : undefined;
}

/** Fixed pseudo-random points in [low, high] from the table's name: the same sample every run. */
export function startPoints(name: string, low: bigint, high: bigint, count: number): bigint[] {
  const span = high - low + 1n;
  const points = new Set<bigint>();
  for (let index = 0; index < count; index += 1) {
    const digest = createHash("sha256")
      .update(`${name}\u0000${String(index)}`)
      .digest();
    points.add(low + (digest.readBigUInt64BE(0) % span));
  }
  return [...points].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** `limit` split into `parts` shares that add up to it. */
function shares(limit: number, parts: number): number[] {
  return Array.from(
    { length: parts },
    (_, index) => Math.floor(limit / parts) + (index < limit % parts ? 1 : 0),
  );
}

/**
 * How to sample one table within the cap, at a cost that does not grow with the table: MySQL has
 * no TABLESAMPLE. A table larger than the cap whose primary key starts with an integer column is
 * read as a few runs of consecutive keys starting at fixed pseudo-random points of that column's
 * range, each an index range read of a bounded number of rows in primary key order. Anything else is read from the start, up to the
 * cap: the whole table when it is small, otherwise its first rows (not random, and said so).
 * A view is read up to the cap, which runs its query: by default only when the planner estimates
 * that query as cheap (see viewRowBound; `sample_views`).
 */
export function planSample(
  dataset: Dataset,
  limit: number,
  sampleViews: SampleViews = "auto",
): SamplePlan {
  if (!Number.isSafeInteger(limit) || limit <= 0) {
    throw new RangeError(`The sample cap must be a positive whole number, not ${String(limit)}.`);
  }
  if (dataset.kind === "view" && sampleViews === "never") {
    return { read: false, reason: "a view (the source sets `sample_views: never`)" };
  }
  const columns = sampleColumns(dataset.fields);
  const table = `${quoteIdentifier(dataset.ref.database ?? "")}.${quoteIdentifier(dataset.ref.name)}`;
  const select = `SELECT ${columns.selectList} FROM ${table}`;
  const capped = `capped at ${count(limit)} rows`;
  if (dataset.kind === "view") {
    const method = `the first rows of the view's query, ${capped}`;
    return {
      read: true,
      strategy: "first",
      query: `${select} LIMIT ${String(limit)}`,
      method,
      cappedMethod: method,
      limit,
      columns,
      ...(sampleViews === "auto" ? { rowBound: viewRowBound(limit) } : {}),
    };
  }
  const rowEstimate = dataset.stats?.rowEstimate;
  const key = integerKey(dataset);
  if (key === undefined || (rowEstimate !== undefined && rowEstimate <= limit)) {
    const small = rowEstimate !== undefined && rowEstimate <= limit;
    const method = small
      ? `the whole table, ${capped}`
      : `the first ${count(limit)} rows in storage order (not random: no primary key with an integer first column to sample by)`;
    const cappedMethod = small
      ? `the first ${count(limit)} rows in storage order (not random: the table was larger than its row estimate)`
      : method;
    return {
      read: true,
      strategy: "first",
      query: `${select} LIMIT ${String(limit)}`,
      method,
      cappedMethod,
      limit,
      columns,
    };
  }
  const quotedKey = quoteIdentifier(key.lead);
  const keyOrder = key.columns.map(quoteIdentifier).join(", ");
  const parts = Math.min(keyRanges, limit);
  return {
    read: true,
    strategy: "ranges",
    boundsQuery: `SELECT MIN(${quotedKey}) AS low, MAX(${quotedKey}) AS high FROM ${table}`,
    rangeQueries(low, high) {
      const points = startPoints(
        `${dataset.ref.database ?? ""}.${dataset.ref.name}`,
        low,
        high,
        parts,
      );
      const rowShares = shares(limit, points.length);
      // Key values are integers computed here, written as literals: BIGINT UNSIGNED values
      // beyond 2^53 would lose precision as a bound parameter.
      return points.map((start, index) => {
        const next = points[index + 1];
        const share = rowShares[index] ?? 0;
        const upper = next === undefined ? "" : ` AND ${quotedKey} < ${next.toString()}`;
        const order = (rows: number) => ` ORDER BY ${keyOrder} LIMIT ${String(rows)}`;
        const withLimit = (rows: number) =>
          `${select} WHERE ${quotedKey} >= ${start.toString()}${upper}${order(rows)}`;
        const read = { query: withLimit(share), limit: share, withLimit };
        const first = points[0];
        if (next !== undefined || first === undefined || first <= low) return read;
        const below = `${select} WHERE ${quotedKey} < ${first.toString()}`;
        return { ...read, wrap: (remaining: number) => `${below}${order(remaining)}` };
      });
    },
    method:
      `${String(parts)} runs of consecutive \`${key.lead}\` values from fixed pseudo-random points ` +
      `of the primary key${key.columns.length > 1 ? "'s first column" : ""}, ${capped} ` +
      `(index range reads, not a uniform random sample)`,
    limit,
    columns,
  };
}
