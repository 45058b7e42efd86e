import { cursorSampler, sampleCursor, type TableSampler } from "../shared/cursor-sampler.js";
import type { RedshiftSession } from "./connect.js";
import { planSample } from "./sample-plan.js";

export type { TableSampler };

/**
 * Samples through the catalog session and its statement timeout, in a read-only transaction
 * that is always rolled back. Rows come through a cursor in batches (Redshift materialises the
 * cursor's result on the leader node; the LIMIT keeps that small). A failing query costs that
 * dataset its profile only.
 */
export function tableSampler(
  session: RedshiftSession,
  report: (message: string) => void,
): TableSampler {
  return cursorSampler(
    {
      plan: planSample,
      begin: () => session.begin(),
      declare: (select) => `DECLARE ${sampleCursor} CURSOR FOR ${select}`,
      fetch: (rows) => `FETCH FORWARD ${String(rows)} FROM ${sampleCursor}`,
    },
    report,
  );
}
