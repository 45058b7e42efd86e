import { viewOverBoundMessage } from "../shared/view-bound-message.js";

/**
 * The planner's default costs read one narrow row sequentially at about 0.02 (cpu_tuple_cost
 * 0.01, plus seq_page_cost 1.0 shared by the ~100 rows of an 8 kB page): reading the sample cap
 * from a plain table costs about this much a row.
 */
const costPerCappedRow = 0.02;
/** So that a small cap does not refuse a view over a few hundred rows. */
const smallestBound = 100;

/**
 * The highest planner cost at which a view is read under `sample_views: auto`: what reading the
 * cap from a table costs. A projection of a table, capped, stays under it; a view that must read
 * more than the cap before returning a row (an aggregate over a larger table, a sort) or runs a
 * subquery per row (a correlated subquery scans its table once a row) is over it.
 */
export function viewCostBound(limit: number): number {
  return Math.max(smallestBound, Math.ceil(costPerCappedRow * limit));
}

/** `Plan."Total Cost"` of one `EXPLAIN (FORMAT JSON)` row (json parsed by `pg`, or its text). */
function totalCostOf(row: Record<string, unknown> | undefined): number | undefined {
  const raw = row?.["QUERY PLAN"];
  const parsed: unknown = typeof raw === "string" ? JSON.parse(raw) : raw;
  if (!Array.isArray(parsed)) return undefined;
  const [first] = parsed as unknown[];
  if (typeof first !== "object" || first === null || !("Plan" in first)) return undefined;
  const plan: unknown = first.Plan;
  if (typeof plan !== "object" || plan === null || !("Total Cost" in plan)) return undefined;
  const cost: unknown = plan["Total Cost"];
  return typeof cost === "number" ? cost : undefined;
}

/** Asks the planner (EXPLAIN, which does not run the query) what the sample query costs. */
export async function postgresOverBound(
  query: string,
  bound: number,
  run: (text: string) => Promise<Record<string, unknown>[]>,
): Promise<string | undefined> {
  const [row] = await run(`EXPLAIN (FORMAT JSON) ${query}`);
  const cost = totalCostOf(row);
  // Without an estimate the view is not read: it is the cautious side.
  if (cost === undefined) return "the planner gave no cost estimate for this view's query";
  return cost > bound ? viewOverBoundMessage({ cost }, bound) : undefined;
}
