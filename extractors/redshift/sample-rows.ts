import type { Dataset, RecordSample } from "../../src/model/index.js";
import type { ReadOnlyTransaction, RedshiftSession } from "./connect.js";
import { planSample } from "./sample-plan.js";

/** Rows per FETCH: memory holds one batch, not the whole sample. */
const fetchBatch = 1_000;
const cursor = "okf_sample";

export interface TableSampler {
  /** Statements sent for samples so far; they are not catalog queries. */
  queryCount(): number;
  /** `Dataset.sample` for one object, reading through the extraction's session. */
  sampleOf(dataset: Dataset): (limit: number) => RecordSample;
}

/**
 * Samples through the catalog session and its statement timeout, in a read-only transaction
 * that is always rolled back. Rows come through a cursor in batches (Redshift materialises the
 * cursor's result on the leader node; the LIMIT keeps that small). A query that fails
 * (permission denied, a timeout) costs that dataset its profile, never the run: the sample ends,
 * its description says why, and `report` tells the user.
 */
export function tableSampler(
  session: RedshiftSession,
  report: (message: string) => void,
): TableSampler {
  let sent = 0;
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
          let transaction: ReadOnlyTransaction | undefined;
          const query = (text: string) => {
            sent += 1;
            return transaction?.query<Record<string, unknown>>(text) ?? Promise.resolve([]);
          };
          try {
            sent += 1;
            transaction = await session.begin();
            await query(`DECLARE ${cursor} CURSOR FOR ${plan.query}`);
            for (;;) {
              const rows = await query(`FETCH FORWARD ${String(fetchBatch)} FROM ${cursor}`);
              for (const row of rows) yield plan.columns.toRecord(row);
              if (rows.length < fetchBatch) break;
            }
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            description = `not sampled: ${shortReason(message)}`;
            report(`${name} ${description} (${message})`);
          } finally {
            if (transaction) {
              sent += 1;
              await transaction.end();
            }
          }
        },
      };
    },
  };
}

/** The session's messages (errors.ts), shortened for a knowledge file. */
function shortReason(message: string): string {
  if (/permission denied/i.test(message)) return "permission denied";
  if (/statement_timeout/i.test(message)) return "statement timeout";
  const detail = /failed: (.+?)(?: \([0-9A-Z]{5}\))?\.?$/.exec(message)?.[1];
  return detail ?? "the sample query failed";
}
