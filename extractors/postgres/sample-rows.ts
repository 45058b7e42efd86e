import type { SampleViews } from "../../src/config/source-keys.js";
import { cursorSampler, sampleCursor, type TableSampler } from "../cursor-sampler.js";
import type { CatalogSession } from "./connect.js";
import { planSample } from "./sample-plan.js";
import { postgresOverBound } from "./view-cost.js";

export type { TableSampler };

/**
 * Samples relations through the catalog session, so they share its read-only mode and its
 * statement and lock timeouts. Rows are fetched through a cursor in batches inside a read-only
 * transaction that is always rolled back; a failing query costs that dataset its profile only.
 */
export function tableSampler(
  session: CatalogSession,
  report: (message: string) => void,
  sampleViews: SampleViews = "auto",
): TableSampler {
  const query = (text: string) => session.query<Record<string, unknown>>(text);
  return cursorSampler(
    {
      plan: (dataset, limit) => planSample(dataset, limit, sampleViews),
      begin: async () => {
        await query("BEGIN TRANSACTION READ ONLY");
        return {
          query,
          end: () =>
            query("ROLLBACK").then(
              () => undefined,
              () => undefined,
            ),
        };
      },
      declare: (select) => `DECLARE ${sampleCursor} NO SCROLL CURSOR FOR ${select}`,
      fetch: (rows) => `FETCH ${String(rows)} FROM ${sampleCursor}`,
      overBound: postgresOverBound,
    },
    report,
  );
}
