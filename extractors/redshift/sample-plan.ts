import pg from "pg";
import type { Dataset } from "../../src/model/index.js";
import { sampleColumns, type SampleColumns } from "./sample-columns.js";

export type SamplePlan =
  | { read: false; reason: string }
  | { read: true; query: string; method: string; columns: SampleColumns; whole: true };

function count(value: number): string {
  return value.toLocaleString("en-US");
}

/** Objects that are not read at all, and why. */
function notRead(dataset: Dataset): string | undefined {
  if (dataset.kind === "external_table") {
    return dataset.objectType === "federated table"
      ? "federated table (each row would be fetched from the remote database)"
      : "external (Spectrum) table: a scan is billed per byte read from Amazon S3";
  }
  if (dataset.kind === "view") {
    return `${dataset.objectType} (reading it runs its query, which may scan whole tables or, through external tables, Amazon S3)`;
  }
  return undefined;
}

/**
 * How to sample one table or materialized view within the cap. Redshift has no TABLESAMPLE, so
 * the sample is a bounded read: `SELECT … LIMIT n` with no ORDER BY (an ORDER BY would scan and
 * sort the whole table). It never reads more than the cap, but it is not random: the rows are
 * the first ones Redshift returns, which may come from a few slices and blocks only. Views and
 * external tables are not read (see `notRead`).
 */
export function planSample(dataset: Dataset, limit: number): SamplePlan {
  if (!Number.isSafeInteger(limit) || limit <= 0) {
    throw new RangeError(`The sample cap must be a positive whole number, not ${String(limit)}.`);
  }
  const reason = notRead(dataset);
  if (reason !== undefined) return { read: false, reason };
  const columns = sampleColumns(dataset.fields);
  if (columns.selectList === "") {
    return { read: false, reason: "no column of a type the profile reads" };
  }
  const schema = pg.escapeIdentifier(dataset.ref.schema ?? "public");
  const query = `SELECT ${columns.selectList} FROM ${schema}.${pg.escapeIdentifier(dataset.ref.name)} LIMIT ${String(limit)}`;
  const rows = dataset.stats?.rowEstimate;
  const method =
    rows !== undefined && rows <= limit
      ? `a read of the whole ${dataset.objectType} (LIMIT ${count(limit)}; svv_table_info counts fewer rows)`
      : `the first ${count(limit)} rows Redshift returned (LIMIT without ORDER BY: not a random sample; Redshift has no TABLESAMPLE)`;
  const unread =
    columns.unread.length > 0
      ? `; not read: ${columns.unread.join(", ")} (spatial, sketch or binary)`
      : "";
  // A LIMIT without a fraction: fewer rows than the cap are the whole table.
  return { read: true, query, method: `${method}${unread}`, columns, whole: true };
}
