import type { Field, SqlParameter } from "@aws-sdk/client-rds-data";
import type { StatementResult } from "./data-api.js";
import { ResponseTooLargeError } from "./errors.js";
import { responseLimitBytes } from "./fetch-batches.js";

/**
 * A MySQL SELECT whose result the Data API refused as larger than 1 MiB, read again in pages.
 * MySQL has no cursors outside stored programs, so each page re-runs the statement as a derived
 * table ordered by every column (a total order, so OFFSET pages neither skip nor repeat rows):
 * the rows are the same, in that order. Pages are sized for half the limit at the largest row
 * seen; a page refused all the same is tried again at half the size. Outside a transaction a
 * refused statement costs nothing but the call, so this is safe to retry.
 */

const firstPage = 100;
const largestPage = 10_000;

export type Execute = (sql: string, parameters: SqlParameter[]) => Promise<StatementResult>;

function rowBytes(record: Field[]): number {
  return record.reduce((sum, field) => {
    if (field.stringValue !== undefined) return sum + Buffer.byteLength(field.stringValue);
    if (field.blobValue !== undefined) return sum + field.blobValue.byteLength;
    return sum + 8;
  }, 0);
}

export async function selectInPages(
  sql: string,
  parameters: SqlParameter[],
  execute: Execute,
): Promise<StatementResult> {
  const rows = `SELECT * FROM (${sql}) AS okf_rows`;
  const { columns } = await execute(`${rows} LIMIT 0`, parameters);
  const order = columns.map((_, index) => String(index + 1)).join(", ");
  const records: Field[][] = [];
  let size = firstPage;
  for (;;) {
    let page: StatementResult;
    try {
      page = await execute(
        `${rows} ORDER BY ${order} LIMIT ${String(size)} OFFSET ${String(records.length)}`,
        parameters,
      );
    } catch (error) {
      if (!(error instanceof ResponseTooLargeError) || size === 1) throw error;
      size = Math.floor(size / 2);
      continue;
    }
    records.push(...page.records);
    if (page.records.length < size) return { records, columns };
    const largest = Math.max(1, ...page.records.map(rowBytes));
    size = Math.max(1, Math.min(largestPage, Math.floor(responseLimitBytes / (2 * largest))));
  }
}
