import type { DatasetProfile, FieldProfile } from "../model/index.js";
import { FieldAccumulator } from "./field-accumulator.js";
import type { Leaf } from "./value-kinds.js";
import { MapKeys } from "./map-keys.js";
import { arrayElementsProfiled, deepestPath } from "./path-limits.js";

/** The last resort against documents that grow a path per key (see `MapKeys` for the first). */
const mostPaths = 500;

export interface ProfilerResult {
  profile: DatasetProfile;
  samples: Map<string, string[]>;
}

export interface RecordProfilerOptions {
  /** The source's name for a value's type (`RecordSample.nativeType`). */
  nativeType?: (value: unknown) => string;
  /** False for value-free profiles: no samples, valid values or ranges (see FieldAccumulator). */
  keepValues?: boolean;
  /**
   * Which keys collapse to `<key>`; shared by the whole-sample and variant profilers so that
   * their paths agree. By default only keys shaped like ids, dates or emails collapse.
   */
  mapKeys?: MapKeys;
}

/**
 * Profiles records one at a time. Nested objects become dotted paths (`address.city`), array
 * elements `[]` paths (`tags[]`, `lines[].sku`), keys of maps `<key>` (`scores.<key>`). Values
 * nested `deepestPath` levels deep are counted but not walked into. Memory is bounded by
 * `mostPaths` paths, each bounded by the sample size; the same records in the same order give
 * the same result.
 */
export class RecordProfiler {
  private readonly fields = new Map<string, FieldAccumulator>();
  private readonly touched: FieldAccumulator[] = [];
  private readonly nativeType: ((value: unknown) => string) | undefined;
  private readonly keepValues: boolean;
  private readonly mapKeys: MapKeys;
  private pathLimitReached = false;
  private depthLimitReached = false;
  private records = 0;

  constructor(options: RecordProfilerOptions = {}) {
    this.nativeType = options.nativeType;
    this.keepValues = options.keepValues ?? true;
    this.mapKeys = options.mapKeys ?? new MapKeys();
  }

  get sampled(): number {
    return this.records;
  }

  add(record: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(record)) {
      this.visit(this.mapKeys.child("", key), value, 0);
    }
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
    if (leaf === undefined) return;
    if (depth >= deepestPath) {
      if (holdsAnything(leaf)) this.depthLimitReached = true;
      return;
    }
    if (leaf.type === "array") {
      const elements = leaf.value.slice(0, arrayElementsProfiled);
      for (const element of elements) this.visit(`${path}[]`, element, depth + 1);
    } else if (leaf.type === "object") {
      for (const [key, child] of Object.entries(leaf.value)) {
        this.visit(this.mapKeys.child(path, key), child, depth + 1);
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
    if (other.depthLimitReached) this.depthLimitReached = true;
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
    const profile: DatasetProfile = {
      sampling: { status: "read", method },
      sampled: this.records,
      fields: this.fieldProfiles(),
    };
    if (this.pathLimitReached) profile.pathLimit = mostPaths;
    if (this.depthLimitReached) profile.depthLimit = deepestPath;
    return { profile, samples };
  }
}

function holdsAnything(leaf: Leaf): boolean {
  if (leaf.type === "array") return leaf.value.length > 0;
  return leaf.type === "object" && Object.keys(leaf.value).length > 0;
}
