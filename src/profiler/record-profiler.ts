import type { DatasetProfile, FieldProfile } from "../model/index.js";
import { FieldAccumulator } from "./field-accumulator.js";

/** Documents keyed by ids would otherwise grow one path per id. */
export const mostPaths = 500;
/** Only the first elements of each array are profiled; they stand for the rest. */
export const arrayElementsProfiled = 50;
/** Deeper objects are counted as objects but not walked into. */
const deepestPath = 20;

export interface ProfilerResult {
  profile: DatasetProfile;
  samples: Map<string, string[]>;
}

export interface RecordProfilerOptions {
  /** The source's name for a value's type (`RecordSample.nativeType`). */
  nativeType?: (value: unknown) => string;
  /** False for value-free profiles: no samples, valid values or ranges (see FieldAccumulator). */
  keepValues?: boolean;
}

/**
 * Profiles records one at a time. Nested objects become dotted paths (`address.city`), array
 * elements `[]` paths (`tags[]`, `lines[].sku`). Memory is bounded by `mostPaths` paths, each
 * bounded by the sample size; the same records in the same order give the same result.
 */
export class RecordProfiler {
  private readonly fields = new Map<string, FieldAccumulator>();
  private readonly touched: FieldAccumulator[] = [];
  private readonly nativeType: ((value: unknown) => string) | undefined;
  private readonly keepValues: boolean;
  private pathLimitReached = false;
  private records = 0;

  constructor(options: RecordProfilerOptions = {}) {
    this.nativeType = options.nativeType;
    this.keepValues = options.keepValues ?? true;
  }

  get sampled(): number {
    return this.records;
  }

  add(record: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(record)) this.visit(key, value, 0);
    for (const field of this.touched) field.endRecord();
    this.touched.length = 0;
    this.records += 1;
  }

  private visit(path: string, value: unknown, depth: number): void {
    // An absent value (a sparse array slot, a key set to undefined) is no value at all.
    if (value === undefined) return;
    const field = this.field(path);
    if (field === undefined) return;
    if (!field.inRecord) this.touched.push(field);
    const leaf = field.add(value, this.nativeType?.(value));
    if (leaf === undefined || depth >= deepestPath) return;
    if (leaf.type === "array") {
      const elements = leaf.value.slice(0, arrayElementsProfiled);
      for (const element of elements) this.visit(`${path}[]`, element, depth + 1);
    } else if (leaf.type === "object") {
      for (const [key, child] of Object.entries(leaf.value)) {
        this.visit(`${path}.${key}`, child, depth + 1);
      }
    }
  }

  private field(path: string): FieldAccumulator | undefined {
    const known = this.fields.get(path);
    if (known) return known;
    if (this.fields.size >= mostPaths) {
      this.pathLimitReached = true;
      return undefined;
    }
    const field = new FieldAccumulator(path, this.keepValues);
    this.fields.set(path, field);
    return field;
  }

  /** Adds the records of another value-free profiler to this one (merging record variants). */
  absorb(other: RecordProfiler): void {
    for (const [path, theirs] of other.fields) this.field(path)?.absorb(theirs);
    this.records += other.records;
    if (other.pathLimitReached) this.pathLimitReached = true;
  }

  /** The field profiles, in the order the paths were first seen. */
  fieldProfiles(): FieldProfile[] {
    return [...this.fields.values()].map((field) => field.toProfile(this.records));
  }

  finish(method: string): ProfilerResult {
    const samples = new Map<string, string[]>();
    for (const field of this.fields.values()) {
      if (field.samples.length > 0) samples.set(field.path, field.samples);
    }
    const profile: DatasetProfile = { method, sampled: this.records, fields: this.fieldProfiles() };
    if (this.pathLimitReached) profile.pathLimit = mostPaths;
    return { profile, samples };
  }
}
