import type { DatasetRef, OwnScans } from "../../src/model/index.js";
import type { Catalog } from "./read-catalog.js";

/**
 * The scans this backend has counted and not yet sent to the shared statistics, per table. A
 * backend sends them only between transactions, so inside one sample transaction the difference
 * between two reads of this view is exactly what that sample's own statements scanned: no other
 * session's scans are in it, and none of okf's are missed.
 */
const pendingScansQuery = `
SELECT x.relid, x.seq_scan::float8 AS "seqScans", coalesce(x.idx_scan, 0)::float8 AS "idxScans"
FROM pg_stat_xact_user_tables x
WHERE x.seq_scan > 0 OR x.idx_scan > 0`;

interface Scans {
  seqScans: number;
  idxScans: number;
}

type Query = (text: string) => Promise<Record<string, unknown>[]>;

async function pendingScans(query: Query): Promise<Map<number, Scans>> {
  const rows = await query(pendingScansQuery);
  return new Map(
    rows.map((row) => [
      Number(row.relid),
      { seqScans: Number(row.seqScans), idxScans: Number(row.idxScans) },
    ]),
  );
}

/** What okf's own sample reads scanned, summed over the run, by table oid. */
export interface OwnScanCounter {
  /**
   * Reads the pending scans at the start of a sample transaction; the function it returns reads
   * them again before the transaction ends and adds the difference.
   */
  start(query: Query): Promise<() => Promise<void>>;
  /** The sums by dataset: a partition's scans count for its partitioned table. */
  byDataset(catalog: Catalog): OwnScans[];
}

export function ownScanCounter(): OwnScanCounter {
  const totals = new Map<number, Scans>();
  return {
    async start(query) {
      const before = await pendingScans(query);
      return async () => {
        for (const [relid, after] of await pendingScans(query)) {
          const earlier = before.get(relid) ?? { seqScans: 0, idxScans: 0 };
          const total = totals.get(relid) ?? { seqScans: 0, idxScans: 0 };
          total.seqScans += after.seqScans - earlier.seqScans;
          total.idxScans += after.idxScans - earlier.idxScans;
          totals.set(relid, total);
        }
      };
    },
    byDataset(catalog) {
      const refOf = new Map<number, DatasetRef>();
      for (const relation of catalog.relations) {
        const ref = { database: catalog.identity.database, schema: relation.schema };
        refOf.set(relation.oid, { ...ref, name: relation.name });
        for (const partition of catalog.partitions.get(relation.oid) ?? []) {
          refOf.set(partition.relid, { ...ref, name: relation.name });
        }
      }
      const byRef = new Map<string, OwnScans>();
      for (const [relid, scans] of totals) {
        const ref = refOf.get(relid);
        if (!ref || scans.seqScans + scans.idxScans === 0) continue;
        const key = JSON.stringify(ref);
        const own = byRef.get(key) ?? { ref, seqScans: 0, idxScans: 0 };
        own.seqScans += scans.seqScans;
        own.idxScans += scans.idxScans;
        byRef.set(key, own);
      }
      return [...byRef.values()];
    },
  };
}
