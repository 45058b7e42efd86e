import type { SampleViews } from "../shared/config-keys.js";
import { cursorSampler, sampleCursor, type TableSampler } from "../shared/cursor-sampler.js";
import type { CatalogSession } from "./connect.js";
import type { OwnScanCounter } from "./own-scans.js";
import { quietReads } from "./quiet-reads.js";
import { planSample } from "./sample-plan.js";
import { postgresOverBound } from "./view-cost.js";

export type { TableSampler };

const readSavepoint = "okf_sample_read";
const noop = () => undefined;

/** Why `sample_views: auto` leaves a view unread when okf's reads of it would count. */
export const countedReadReason =
  "reading this view would add okf's own scans to the usage counters of the tables it reads " +
  "(the role may not SET track_counts; set sample_views: always to read it anyway)";

/**
 * Samples relations through the catalog session, so they share its read-only mode and its
 * statement and lock timeouts. Rows are fetched through a cursor in batches inside a read-only
 * transaction that is always rolled back; a failing query costs that dataset its profile only.
 * A view is read where its scans go uncounted (`track_counts` off) or, under `sample_views:
 * always`, with `ownScans` measuring what its read scanned, so that okf's reads never count as
 * usage.
 */
export function tableSampler(
  session: CatalogSession,
  report: (message: string) => void,
  options: { sampleViews?: SampleViews; ownScans?: OwnScanCounter; quietReads?: boolean } = {},
): TableSampler {
  const { sampleViews = "auto", ownScans } = options;
  const query = (text: string) => session.query<Record<string, unknown>>(text);
  const quiet = options.quietReads === true ? quietReads() : () => Promise.resolve(false);
  return cursorSampler(
    {
      plan: (dataset, limit) => planSample(dataset, limit, sampleViews),
      begin: async (dataset) => {
        await query("BEGIN TRANSACTION READ ONLY");
        const end = () => query("ROLLBACK").then(noop, noop);
        // Tables and materialized views are read with TABLESAMPLE, which no scan counter counts;
        // a view's read runs its query, whose scans of the tables below would count.
        if (dataset.kind !== "view") return { query, end };
        const uncounted = await quiet(query);
        // Under `auto` a view is read only where its scans go uncounted, so that a night on an
        // unchanged server writes nothing at all; `always` reads it and measures what it scanned.
        if (!uncounted && sampleViews === "auto") return { query, end, notRead: countedReadReason };
        const counted = uncounted ? undefined : await ownScans?.start(query);
        if (!counted) return { query, end };
        // A read that fails half way (a statement timeout) has scanned all the same: rolling
        // back to this savepoint makes the transaction usable again to measure it.
        await query(`SAVEPOINT ${readSavepoint}`);
        return {
          query,
          end: async () => {
            await query(`ROLLBACK TO SAVEPOINT ${readSavepoint}`).then(counted).catch(noop);
            await end();
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
