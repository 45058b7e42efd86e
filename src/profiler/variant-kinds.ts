import type { RecordVariant } from "../model/index.js";
import { compareText } from "./compare-text.js";
import { hash53 } from "./distinct-hash.js";
import { RecordProfiler, type RecordProfilerOptions } from "./record-profiler.js";

/** Variants reported by name; the rest are merged into one named `otherVariant`. */
export const mostVariants = 20;
const otherVariant = "other";

interface Kind {
  name: string;
  rule: string;
  profiler: RecordProfiler;
}

/**
 * The records of each kind, profiled without values. At most `mostTracked` kinds get their own
 * profiler; records of kinds first seen after that go straight to the remainder, so memory is
 * bounded however many kinds the data holds.
 */
export class VariantKinds {
  private readonly kinds = new Map<string, Kind>();
  private readonly overflow: RecordProfiler;
  private readonly overflowNames = new Set<number>();

  constructor(
    private readonly options: RecordProfilerOptions,
    private readonly mostTracked: number,
  ) {
    this.overflow = this.newProfiler();
  }

  /** Distinct kinds seen. */
  get size(): number {
    return this.kinds.size + this.overflowNames.size;
  }

  has(name: string): boolean {
    return this.kinds.has(name);
  }

  add(name: string, rule: string, record: Record<string, unknown>): void {
    let kind = this.kinds.get(name);
    if (kind === undefined && this.kinds.size < this.mostTracked) {
      kind = { name, rule, profiler: this.newProfiler() };
      this.kinds.set(name, kind);
    }
    if (kind) {
      kind.profiler.add(record);
      return;
    }
    this.overflowNames.add(hash53(name));
    this.overflow.add(record);
  }

  /** By count, then name; the remainder last. */
  variants(): RecordVariant[] {
    const sorted = [...this.kinds.values()].sort(
      (a, b) => b.profiler.sampled - a.profiler.sampled || compareText(a.name, b.name),
    );
    const shown = sorted.slice(0, mostVariants);
    const rest = sorted.slice(mostVariants);
    const hasRemainder = rest.length > 0 || this.overflowNames.size > 0;
    // A kind really named "other" joins the remainder rather than sit beside it.
    const named = hasRemainder ? shown.filter((kind) => kind.name !== otherVariant) : shown;
    rest.push(...shown.filter((kind) => !named.includes(kind)));
    const variants = named.map((kind): RecordVariant => ({
      name: kind.name,
      rule: kind.rule,
      count: kind.profiler.sampled,
      fields: kind.profiler.fieldProfiles(),
    }));
    if (!hasRemainder) return variants;
    const remainder = this.newProfiler();
    for (const kind of rest) remainder.absorb(kind.profiler);
    remainder.absorb(this.overflow);
    const merged = rest.length + this.overflowNames.size;
    variants.push({
      name: otherVariant,
      rule: `${String(merged)} less frequent kinds`,
      count: remainder.sampled,
      fields: remainder.fieldProfiles(),
    });
    return variants;
  }

  private newProfiler(): RecordProfiler {
    return new RecordProfiler({ ...this.options, keepValues: false });
  }
}
