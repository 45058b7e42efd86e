import type { SampleViews } from "../../src/config/source-keys.js";
import { cursorSampler, sampleCursor, type TableSampler } from "../cursor-sampler.js";
import type { CatalogSession } from "./connect.js";
import type { OwnScanCounter } from "./own-scans.js";
import { quietReads } from "./quiet-reads.js";
import { planSample } from "./sample-plan.js";
import { postgresOverBound } from "./view-cost.js";

export type { TableSampler };

const readSavepoint = "okf_sample_read";

/**
 * Samples relations through the catalog session, so they share its read-only mode and its
 * statement and lock timeouts. Rows are fetched through a cursor in batches inside a read-only
 * transaction that is always rolled back; a failing query costs that dataset its profile only.
 * `ownScans` measures what each view's read scanned, so that okf's reads never count as usage.
 */
export function tableSampler(
  session: CatalogSession,
  report: (message: string) => void,
  options: { sampleViews?: SampleViews; ownScans?: OwnScanCounter; quietReads?: boolean } = {},
): TableSampler {
  const { sampleViews = "auto", ownScans } = options;
  const query = (text: string) => session.query<Record<string, unknown>>(text);
  const quiet = options.quietReads === true ? quietReads() : async () => {};
  return cursorSampler(
    {
      plan: (dataset, limit) => planSample(dataset, limit, sampleViews),
      begin: async (dataset) => {
        await query("BEGIN TRANSACTION READ ONLY");
        // Tables and materialized views are read with TABLESAMPLE, which no scan counter counts;
        // a view's read runs its query: its scans of the tables below are not counted where the
        // role may say so, and measured in any case.
        if (dataset.kind === "view") await quiet(query);
        const counted = dataset.kind === "view" ? await ownScans?.start(query) : undefined;
        // A read that fails half way (a statement timeout) has scanned all the same: rolling
        // back to this savepoint makes the transaction usable again to measure it.
        if (counted) await query(`SAVEPOINT ${readSavepoint}`);
        return {
          query,
          end: async () => {
            if (counted) {
              await query(`ROLLBACK TO SAVEPOINT ${readSavepoint}`)
                .then(counted)
                .catch(() => undefined);
            }
            await query("ROLLBACK").catch(() => undefined);
          },
        };
      },
      declare: (select) => `DECLARE ${sampleCursor} NO SCROLL CURSOR FOR ${select}`,
      fetch: (rows) => `FETCH ${String(rows)} FROM ${sampleCursor}`,
      overBound: postgresOverBound,
    },
    report,
  );
}
