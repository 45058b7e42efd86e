import type { SampleViews } from "../shared/config-keys.js";
import type { Dataset, RecordSample, SampleOutcome } from "../../src/model/index.js";
import { failureReasonOf } from "../shared/failure-reasons.js";
import type { MysqlSession } from "./mysql-session.js";
import { textOf } from "./row-values.js";
import { planSample, type SamplePlan } from "./sample-plan.js";
import { viewOverBoundMessage } from "../shared/view-bound-message.js";
import { rowsReadEstimate } from "./view-cost.js";

export interface TableSampler {
  /** Queries sent for samples so far; they are not catalog queries. */
  queryCount(): number;
  /** The sample of one table, reading through the extraction's read-only session. */
  sampleOf(dataset: Dataset, limit: number): RecordSample;
}

type Query = (sql: string) => Promise<Record<string, unknown>[]>;
type ReadPlan = Extract<SamplePlan, { read: true }>;

function integerOf(value: unknown): bigint | undefined {
  const text = textOf(value);
  return text !== undefined && /^-?\d+$/.test(text) ? BigInt(text) : undefined;
}

/**
 * Why a view's plan is not read, or undefined when the planner estimates it within its bound. A
 * plan that cannot be read (EXPLAIN refused: no SHOW VIEW privilege) leaves the view unread, as
 * views were before they were sampled at all: not a failure of the run.
 */
async function overBound(plan: ReadPlan, query: Query): Promise<string | undefined> {
  if (plan.strategy !== "first" || plan.rowBound === undefined) return undefined;
  let estimate: number | undefined;
  try {
    const [row] = await query(`EXPLAIN FORMAT=JSON ${plan.query}`);
    estimate = rowsReadEstimate(row, plan.limit);
  } catch (error) {
    return `the planner's estimate for this view's query could not be read (${failureReasonOf(error).text})`;
  }
  if (estimate === undefined) return "the planner gave no estimate for this view's query";
  return estimate > plan.rowBound
    ? viewOverBoundMessage({ rowsRead: estimate }, plan.rowBound)
    : undefined;
}

/**
 * Rows of the plan, in bounded reads; gives the description that holds once all are read, and
 * whether they were every row (a first-rows read that ended before its cap).
 */
async function* readPlan(
  plan: ReadPlan,
  query: Query,
  done: (description: string, complete?: boolean) => void,
): AsyncGenerator<Record<string, unknown>> {
  if (plan.strategy === "first") {
    const rows = await query(plan.query);
    for (const row of rows) yield plan.columns.toRecord(row);
    const capped = rows.length >= plan.limit;
    done(capped ? plan.cappedMethod : plan.method, !capped);
    return;
  }
  const [bounds] = await query(plan.boundsQuery);
  const low = integerOf(bounds?.low);
  const high = integerOf(bounds?.high);
  if (low === undefined || high === undefined) {
    done("the whole table (it was empty)", true);
    return;
  }
  // A range holding fewer rows than its share (two start points close together) passes the
  // rest on, so the sample comes close to the cap whatever the spacing of the points.
  let shortfall = 0;
  for (const range of plan.rangeQueries(low, high)) {
    const wanted = range.limit + shortfall;
    const rows = await query(range.withLimit(wanted));
    for (const row of rows) yield plan.columns.toRecord(row);
    shortfall = wanted - rows.length;
    if (range.wrap && shortfall > 0) {
      for (const row of await query(range.wrap(shortfall))) {
        yield plan.columns.toRecord(row);
      }
    }
  }
  done(plan.method);
}

/**
 * Samples tables through the catalog session, so they share its read-only mode and execution
 * time limit. A query that fails (permission denied, a timeout, a lost connection) costs that
 * table its profile, never the run: the sample ends, `failure()` and its description give the
 * fixed reason (never the server's message, which can quote data), and `report` tells the user.
 */
export function tableSampler(
  session: MysqlSession,
  report: (message: string) => void,
  sampleViews: SampleViews = "auto",
): TableSampler {
  let sent = 0;
  const query: Query = (sql) => {
    sent += 1;
    return session.query<Record<string, unknown>>(sql);
  };
  return {
    queryCount: () => sent,
    sampleOf: (dataset, limit) => {
      const plan = planSample(dataset, limit, sampleViews);
      let outcome: SampleOutcome = plan.read
        ? { status: "read", method: plan.method, complete: false }
        : { status: "not_read", reason: plan.reason };
      const name = `${dataset.ref.database ?? ""}.${dataset.ref.name}`;
      return {
        outcome: () => outcome,
        async *[Symbol.asyncIterator]() {
          if (!plan.read) return;
          const refused = await overBound(plan, query);
          if (refused !== undefined) {
            // Too costly to run is a choice, not a failure: said in the file, not reported.
            outcome = { status: "not_read", reason: refused };
            return;
          }
          try {
            yield* readPlan(plan, query, (method, complete = false) => {
              outcome = { status: "read", method, complete };
            });
          } catch (error) {
            const reason = failureReasonOf(error).text;
            outcome = { status: "failed", reason };
            report(`${name} not sampled: ${reason}`);
          }
        },
      };
    },
  };
}
