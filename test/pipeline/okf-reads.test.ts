/**
 * The bookkeeping of okf's own reads between runs: what is still in the counters, what is
 * subtracted, what the next run must subtract. The real-server nights are in okf-own-reads.test.ts.
 */
import { describe, expect, it } from "vitest";
import type { ConceptState } from "../../src/bundle/source-state.js";
import {
  nextOkfReads,
  okfReadsStillCounted,
  recordOkfReads,
  withoutOkfReads,
} from "../../src/pipeline/okf-reads.js";

const usage = (seqScans: number, idxScans?: number, statsReset?: string) => ({
  source: "pg_stat_user_tables",
  seqScans,
  ...(idxScans === undefined ? {} : { idxScans }),
  ...(statsReset === undefined ? {} : { statsReset }),
});

describe("okf's reads still in the counters", () => {
  it("holds while the statistics were not reset", () => {
    const stored = { seqScans: 3, idxScans: 20, statsReset: "2026-12-01 10:00:00+00" };
    const counters = usage(12, 29, "2026-12-01 10:00:00+00");
    const reads = okfReadsStillCounted(stored, counters);
    expect(reads).toEqual(stored);
    expect(withoutOkfReads(counters, reads)).toMatchObject({ seqScans: 9, idxScans: 9 });
  });

  it("starts over after a reset the engine dated, or one that left a counter below okf's total", () => {
    const stored = { seqScans: 3, idxScans: 0, statsReset: "2026-12-01 10:00:00+00" };
    expect(okfReadsStillCounted(stored, usage(12, 0, "2026-12-05 10:00:00+00"))).toBeUndefined();
    expect(okfReadsStillCounted(stored, usage(12, 0))).toBeUndefined();
    const undated = { seqScans: 3, idxScans: 0 };
    expect(okfReadsStillCounted(undated, usage(2, 0))).toBeUndefined();
    expect(okfReadsStillCounted({ seqScans: 0, idxScans: 5 }, usage(9))).toBeUndefined();
  });

  it("ignores a record edited into another shape", () => {
    for (const stored of [null, "3", { seqScans: -1, idxScans: 0 }, { seqScans: 1.5, idxScans: 0 }])
      expect(okfReadsStillCounted(stored, usage(12, 0))).toBeUndefined();
    expect(okfReadsStillCounted({ seqScans: 1, idxScans: 0, statsReset: 7 }, usage(12, 0))).toBe(
      undefined,
    );
  });

  it("leaves a counter the engine did not give absent", () => {
    const adjusted = withoutOkfReads(usage(5), { seqScans: 2, idxScans: 0 });
    expect(adjusted).toEqual({ source: "pg_stat_user_tables", seqScans: 3 });
  });
});

describe("what the next run subtracts", () => {
  it("adds tonight's reads to those still counted, and records nothing for none", () => {
    const ref = { database: "d", schema: "s", name: "t" };
    expect(
      nextOkfReads({ seqScans: 2, idxScans: 1 }, { ref, seqScans: 1, idxScans: 20 }, "x"),
    ).toEqual({ seqScans: 3, idxScans: 21, statsReset: "x" });
    expect(nextOkfReads(undefined, undefined, "x")).toBeUndefined();
  });

  it("records per concept, keeping the record of a dataset not read tonight", () => {
    const entry = { ref: { name: "t" } } as unknown as ConceptState;
    const concepts: Record<string, ConceptState> = {
      "a.md": { ...entry, okfReads: { seqScans: 9, idxScans: 0 } },
      "b.md": { ...entry, okfReads: { seqScans: 4, idxScans: 0 } },
      "c.md": { ...entry, okfReads: { seqScans: 4, idxScans: 0 } },
    };
    const counted = new Map([
      ["a.md", { reads: { seqScans: 9, idxScans: 0 }, statsReset: undefined }],
      ["c.md", { reads: undefined, statsReset: "r" }],
    ]);
    const tonight = [{ ref: { name: "a" }, seqScans: 1, idxScans: 0 }];
    recordOkfReads(concepts, counted, tonight, (ref) => `${ref.name}.md`);
    expect(concepts["a.md"]?.okfReads).toEqual({ seqScans: 10, idxScans: 0 });
    expect(concepts["b.md"]?.okfReads).toEqual({ seqScans: 4, idxScans: 0 });
    expect(concepts["c.md"]).not.toHaveProperty("okfReads");
  });
});
