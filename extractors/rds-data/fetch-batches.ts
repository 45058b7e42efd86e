/**
 * The sampler fetches its cursor 1,000 rows at a time; through the Data API one FETCH of wide
 * rows could outgrow the 1 MiB response limit (and a rejected FETCH would end the transaction
 * and the cursor with it). So a FETCH is split: a first batch of a few rows measures them, and
 * each next batch is sized for half the limit at the largest row seen so far on that cursor.
 * A later row more than twice as large as every earlier one can still overflow; the sample of
 * that table then ends with the reason, and the run goes on.
 */

export const responseLimitBytes = 1_048_576;
const firstBatch = 32;

const fetchPattern = /^\s*FETCH\s+(\d+)\s+FROM\s+([A-Za-z_][A-Za-z0-9_]*)\s*;?\s*$/i;

export interface FetchRequest {
  count: number;
  cursor: string;
}

export function parseFetch(text: string): FetchRequest | undefined {
  const match = fetchPattern.exec(text);
  if (!match?.[1] || !match[2]) return undefined;
  return { count: Number(match[1]), cursor: match[2] };
}

/** One FETCH through the Data API: the rows and the size of each as the API returned it. */
export type FetchBatch = (
  sql: string,
) => Promise<{ rows: Record<string, unknown>[]; rowBytes: number[] }>;

/**
 * Rows of `FETCH count FROM cursor`, fetched in batches; `largestRow` carries the largest row
 * size per cursor across the calls of one transaction.
 */
export async function fetchInBatches(
  request: FetchRequest,
  largestRow: Map<string, number>,
  fetch: FetchBatch,
): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  while (rows.length < request.count) {
    const remaining = request.count - rows.length;
    const largest = largestRow.get(request.cursor);
    const fits =
      largest === undefined
        ? firstBatch
        : Math.floor(responseLimitBytes / (2 * Math.max(largest, 1)));
    const size = Math.max(1, Math.min(remaining, fits));
    const batch = await fetch(`FETCH ${String(size)} FROM ${request.cursor}`);
    rows.push(...batch.rows);
    largestRow.set(request.cursor, Math.max(largest ?? 0, ...batch.rowBytes));
    if (batch.rows.length < size) break;
  }
  return rows;
}
