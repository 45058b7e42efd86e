import type { Dataset, RecordSample, SampleOutcome } from "../../src/model/index.js";
import { failureReasonOf } from "./failure-reasons.js";

/** Rows per FETCH: memory holds one batch, not the whole sample. */
const fetchBatch = 1_000;
/** The one cursor a sample declares; its transaction ends before the next sample begins. */
export const sampleCursor = "okf_sample";

export interface TableSampler {
  /** Statements sent for samples so far; they are not catalog queries. */
  queryCount(): number;
  /** The sample of one relation, reading through the extraction's session. */
  sampleOf(dataset: Dataset, limit: number): RecordSample;
}

/** How one relation is sampled: a query read through the cursor, or why it is not read. */
type CursorPlan =
  | {
      read: true;
      query: string;
      method: string;
      columns: { toRecord(row: Record<string, unknown>): Record<string, unknown> };
      /**
       * The query returns every row of the relation up to the cap (no sampling fraction): fewer
       * rows than the cap then means the sample is the whole relation.
       */
      whole?: boolean;
      /**
       * Read only when the planner's estimate of `query` is at most this (a view: reading it runs
       * its query); the estimate is asked for in the sample's own transaction.
       */
      costBound?: number;
    }
  | { read: false; reason: string };

/** A read-only transaction; `end` rolls it back and never throws. */
interface SampleTransaction {
  query(text: string): Promise<Record<string, unknown>[]>;
  end(): Promise<void>;
  /** Why the relation is not read after all, learnt while opening (a choice, not a failure). */
  notRead?: string;
}

/** What differs between engines that speak the PostgreSQL protocol. */
export interface CursorDialect {
  plan(dataset: Dataset, limit: number): CursorPlan;
  /** Opens the read-only transaction that samples `dataset`. */
  begin(dataset: Dataset): Promise<SampleTransaction>;
  declare(query: string): string;
  fetch(rows: number): string;
  /**
   * Why `query` is not read, or undefined when the planner estimates it within `bound`; asked
   * only for plans with a `costBound`, through the sample's read-only transaction.
   */
  overBound?(
    query: string,
    bound: number,
    run: (text: string) => Promise<Record<string, unknown>[]>,
  ): Promise<string | undefined>;
}

/**
 * Samples in a read-only transaction that is always rolled back, rows coming through a cursor in
 * batches. A query that fails (permission denied, a timeout, a lost connection) costs that
 * dataset its profile, never the run: the sample ends and its outcome gives the
 * fixed reason (never the server's message, which can quote data), and `report` tells the user.
 */
export function cursorSampler(
  dialect: CursorDialect,
  report: (message: string) => void,
): TableSampler {
  let sent = 0;
  return {
    queryCount: () => sent,
    sampleOf: (dataset, limit) => {
      const plan = dialect.plan(dataset, limit);
      let outcome: SampleOutcome = plan.read
        ? { status: "read", method: plan.method, complete: false }
        : { status: "not_read", reason: plan.reason };
      const name = `${dataset.ref.schema ?? ""}.${dataset.ref.name}`;
      return {
        outcome: () => outcome,
        async *[Symbol.asyncIterator]() {
          if (!plan.read) return;
          let transaction: SampleTransaction | undefined;
          try {
            sent += 1;
            const open = await dialect.begin(dataset);
            transaction = open;
            if (open.notRead !== undefined) {
              outcome = { status: "not_read", reason: open.notRead };
              return;
            }
            const query = (text: string) => {
              sent += 1;
              return open.query(text);
            };
            if (plan.costBound !== undefined && dialect.overBound) {
              // Too costly to run is a choice, not a failure: said in the file, not reported.
              const reason = await dialect.overBound(plan.query, plan.costBound, query);
              if (reason !== undefined) {
                outcome = { status: "not_read", reason };
                return;
              }
            }
            await query(dialect.declare(plan.query));
            let rowsRead = 0;
            for (;;) {
              const rows = await query(dialect.fetch(fetchBatch));
              rowsRead += rows.length;
              for (const row of rows) yield plan.columns.toRecord(row);
              if (rows.length < fetchBatch) break;
            }
            // Fewer rows than the cap of a query without a sampling fraction: the whole relation.
            const complete = plan.whole === true && rowsRead < limit;
            outcome = { status: "read", method: plan.method, complete };
          } catch (error) {
            const reason = failureReasonOf(error).text;
            outcome = { status: "failed", reason };
            report(`${name} not sampled: ${reason}`);
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
