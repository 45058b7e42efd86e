import type { Dataset, RecordSample } from "../../src/model/index.js";
import type { CatalogSession } from "./connect.js";
import { planSample } from "./sample-plan.js";

/** Rows per FETCH: memory holds one batch, not the whole sample. */
const fetchBatch = 1_000;
const cursor = "okf_sample";

export interface TableSampler {
  /** Queries sent for samples so far; they are not catalog queries. */
  queryCount(): number;
  /** `Dataset.sample` for one relation, reading through the extraction's read-only session. */
  sampleOf(dataset: Dataset): (limit: number) => RecordSample;
}

/**
 * Samples relations through the catalog session, so they share its read-only mode and its
 * statement and lock timeouts. Rows are fetched through a cursor in batches inside a read-only
 * transaction that is always rolled back. A query that fails (permission denied, a timeout)
 * costs that dataset its profile, never the run: the sample ends, its description says why, and
 * `report` tells the user.
 */
export function tableSampler(
  session: CatalogSession,
  report: (message: string) => void,
): TableSampler {
  let sent = 0;
  const query = (text: string): Promise<Record<string, unknown>[]> => {
    sent += 1;
    return session.query<Record<string, unknown>>(text);
  };
  return {
    queryCount: () => sent,
    sampleOf: (dataset) => (limit) => {
      const plan = planSample(dataset, limit);
      let description = plan.read ? plan.method : `not sampled: ${plan.reason}`;
      const name = `${dataset.ref.schema ?? ""}.${dataset.ref.name}`;
      return {
        describe: () => description,
        async *[Symbol.asyncIterator]() {
          if (!plan.read) return;
          let inTransaction = false;
          try {
            await query("BEGIN TRANSACTION READ ONLY");
            inTransaction = true;
            await query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${plan.query}`);
            for (;;) {
              const rows = await query(`FETCH ${String(fetchBatch)} FROM ${cursor}`);
              for (const row of rows) yield plan.columns.toRecord(row);
              if (rows.length < fetchBatch) break;
            }
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            description = `not sampled: ${shortReason(message)}`;
            report(`${name} ${description} (${message})`);
          } finally {
            if (inTransaction) await query("ROLLBACK").catch(() => undefined);
          }
        },
      };
    },
  };
}

/** The catalog session's messages (errors.ts), shortened for a knowledge file. */
function shortReason(message: string): string {
  if (/permission denied/i.test(message)) return "permission denied";
  if (/statement_timeout|statement timeout/i.test(message)) return "statement timeout";
  if (/for a lock|lock timeout/i.test(message)) return "lock timeout";
  const detail = /failed: (.+?)(?: \([0-9A-Z]{5}\))?\.?$/.exec(message)?.[1];
  return detail ?? "the sample query failed";
}
