import type { ConceptState, OkfReads } from "../bundle/source-state.js";
import type { DatasetRef, DatasetUsage, OwnScans } from "../model/index.js";

/*
 * okf's own reads are subtracted here, in the pipeline, rather than in the extractor: the
 * pipeline owns the state that remembers earlier runs' reads, so the extractor stays a plain
 * reader that only reports what this run's reads scanned, and every engine is handled alike.
 */

const isCount = (value: unknown): value is number =>
  typeof value === "number" && Number.isSafeInteger(value) && value >= 0;

/** The stored record, when it has the shape okf writes (the state file may be edited by hand). */
function checked(stored: unknown): OkfReads | undefined {
  if (typeof stored !== "object" || stored === null) return undefined;
  const { seqScans, idxScans, statsReset } = stored as Record<string, unknown>;
  if (!isCount(seqScans) || !isCount(idxScans)) return undefined;
  if (statsReset !== undefined && typeof statsReset !== "string") return undefined;
  return statsReset === undefined ? { seqScans, idxScans } : { seqScans, idxScans, statsReset };
}

/**
 * Earlier runs' reads still held in these counters: none after a statistics reset, which the
 * engine's reset time tells, or a counter now below what okf alone added (a reset the engine
 * did not date, such as a crash recovery, which discards the statistics).
 */
export function okfReadsStillCounted(
  stored: unknown,
  usage: DatasetUsage | undefined,
): OkfReads | undefined {
  const reads = checked(stored);
  if (!reads || !usage || reads.statsReset !== usage.statsReset) return undefined;
  if ((usage.seqScans ?? 0) < reads.seqScans || (usage.idxScans ?? 0) < reads.idxScans) {
    return undefined;
  }
  return reads;
}

/** The counters as others' activity alone moved them. */
export function withoutOkfReads(
  usage: DatasetUsage | undefined,
  reads: OkfReads | undefined,
): DatasetUsage | undefined {
  if (!usage || !reads) return usage;
  const less = (value: number | undefined, own: number) =>
    value === undefined ? undefined : value - own;
  const adjusted = { ...usage };
  adjusted.seqScans = less(usage.seqScans, reads.seqScans);
  adjusted.idxScans = less(usage.idxScans, reads.idxScans);
  if (adjusted.seqScans === undefined) delete adjusted.seqScans;
  if (adjusted.idxScans === undefined) delete adjusted.idxScans;
  return adjusted;
}

/** What the next run must subtract: the reads still counted plus this run's own. */
export function nextOkfReads(
  counted: OkfReads | undefined,
  tonight: OwnScans | undefined,
  statsReset: string | undefined,
): OkfReads | undefined {
  const seqScans = (counted?.seqScans ?? 0) + (tonight?.seqScans ?? 0);
  const idxScans = (counted?.idxScans ?? 0) + (tonight?.idxScans ?? 0);
  if (seqScans === 0 && idxScans === 0) return undefined;
  return statsReset === undefined ? { seqScans, idxScans } : { seqScans, idxScans, statsReset };
}

/** How the counters of one dataset read tonight stood against okf's earlier reads. */
export interface CountedTonight {
  reads: OkfReads | undefined;
  statsReset: string | undefined;
}

/**
 * Sets each concept's record of okf's reads for the next run. A dataset not read tonight (a
 * locked table) keeps its record, plus whatever tonight's view reads scanned of it.
 */
export function recordOkfReads(
  concepts: Record<string, ConceptState>,
  counted: ReadonlyMap<string, CountedTonight>,
  tonight: readonly OwnScans[],
  pathOf: (ref: DatasetRef) => string | undefined,
): void {
  const tonightByPath = new Map<string, OwnScans>();
  for (const scans of tonight) {
    const path = pathOf(scans.ref);
    if (path !== undefined) tonightByPath.set(path, scans);
  }
  for (const [path, entry] of Object.entries(concepts)) {
    const kept = checked(entry.okfReads);
    const { reads, statsReset } = counted.get(path) ?? {
      reads: kept,
      statsReset: kept?.statsReset,
    };
    const { okfReads: _earlier, ...rest } = entry;
    const next = nextOkfReads(reads, tonightByPath.get(path), statsReset);
    concepts[path] = next ? { ...rest, okfReads: next } : rest;
  }
}
