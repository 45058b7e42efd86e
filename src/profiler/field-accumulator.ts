import type { FieldProfile, ValueType } from "../model/index.js";
import { compareText } from "./compare-text.js";
import { binaryShapeOf } from "./binary-shapes.js";
import { hash53 } from "./distinct-hash.js";
import { leafOf, type Leaf } from "./value-kinds.js";
import { ValueList } from "./value-list.js";
import { showNumber, ValueRange } from "./value-range.js";
import { shapeOf } from "./value-shapes.js";

/** Values per field handed to the classifier's value rules. */
export const samplesPerField = 200;
/** Sampled strings are cut here: enough for any value rule, bounded in memory. */
const longestSample = 1_000;
/** Binary values are told apart by their length and first bytes. */
const binaryBytesCompared = 1_024;

const typeOrder: readonly ValueType[] = [
  "string",
  "integer",
  "number",
  "boolean",
  "date",
  "object",
  "array",
  "binary",
];

/**
 * Everything the profiler learns about one path, one value at a time, in memory bounded by the
 * sample size: distinct values are kept as hashes, and only `samplesPerField` values are kept.
 * For a path inside arrays (`lines[].sku`) the value figures count elements, while `present`
 * and `nulls` count records.
 *
 * Without `keepValues` no value is kept at all (no samples, list or range), so the profile has
 * no `values`, `min` or `max` and never needs stripping: the record variants are profiled so.
 */
export class FieldAccumulator {
  private present = 0;
  private nulls = 0;
  private empty = 0;
  private seenInRecord = false;
  private nonNullInRecord = false;
  private readonly types = new Map<ValueType, number>();
  private readonly distinct = new Set<number>();
  private minLength: number | undefined;
  private maxLength: number | undefined;
  private readonly range = new ValueRange();
  private readonly shapes = new Map<string, number>();
  private readonly nativeTypes = new Map<string, number>();
  private readonly list = new ValueList();
  readonly samples: string[] = [];

  constructor(
    readonly path: string,
    private readonly keepValues = true,
  ) {}

  get inRecord(): boolean {
    return this.seenInRecord;
  }

  /**
   * Counts one occurrence, with the source's name for its type when the sampler gives one;
   * returns the value's leaf for the walker, undefined for null.
   */
  add(value: unknown, nativeType?: string): Leaf | undefined {
    this.seenInRecord = true;
    if (nativeType !== undefined) countInto(this.nativeTypes, nativeType, 1);
    if (value === null) return undefined;
    this.nonNullInRecord = true;
    const leaf = leafOf(value);
    countInto(this.types, leaf.type, 1);
    const key = distinctKey(leaf);
    const hash = key === undefined ? undefined : hash53(key);
    if (hash !== undefined) this.distinct.add(hash);
    if (leaf.type === "string") this.addText(leaf.value);
    if (leaf.type === "binary") this.addBinary(leaf.value);
    if (!this.keepValues) return leaf;
    this.range.add(leaf);
    if (hash !== undefined) this.list.add(leaf, hash);
    const sample = sampleText(leaf);
    if (sample !== undefined && this.samples.length < samplesPerField) this.samples.push(sample);
    return leaf;
  }

  /**
   * Adds the counts of another value-free accumulator of the same path (between records), so
   * that several record variants can be merged into one.
   */
  absorb(other: FieldAccumulator): void {
    if (this.keepValues || other.keepValues) {
      throw new Error("only value-free field accumulators can be merged");
    }
    this.present += other.present;
    this.nulls += other.nulls;
    this.empty += other.empty;
    for (const [type, count] of other.types) countInto(this.types, type, count);
    for (const [name, count] of other.nativeTypes) countInto(this.nativeTypes, name, count);
    for (const [shape, count] of other.shapes) countInto(this.shapes, shape, count);
    for (const hash of other.distinct) this.distinct.add(hash);
    if (other.minLength !== undefined && other.maxLength !== undefined) {
      this.minLength = Math.min(this.minLength ?? other.minLength, other.minLength);
      this.maxLength = Math.max(this.maxLength ?? other.maxLength, other.maxLength);
    }
  }

  private addText(text: string): void {
    if (text === "") this.empty += 1;
    const length = characterCount(text);
    if (this.minLength === undefined || length < this.minLength) this.minLength = length;
    if (this.maxLength === undefined || length > this.maxLength) this.maxLength = length;
    const shape = shapeOf(text);
    if (shape !== undefined) countInto(this.shapes, shape, 1);
  }

  /** Binary values are counted by the file format their first bytes announce (an image). */
  private addBinary(bytes: Uint8Array): void {
    const shape = binaryShapeOf(bytes);
    if (shape !== undefined) countInto(this.shapes, shape, 1);
  }

  endRecord(): void {
    if (!this.seenInRecord) return;
    this.present += 1;
    if (!this.nonNullInRecord) this.nulls += 1;
    this.seenInRecord = false;
    this.nonNullInRecord = false;
  }

  toProfile(sampled: number): FieldProfile {
    const types: FieldProfile["types"] = {};
    for (const type of typeOrder) {
      const count = this.types.get(type);
      if (count !== undefined) types[type] = count;
    }
    // Whole values among fractional ones (3.00 in a decimal column) are not a second type.
    if (types.integer !== undefined && types.number !== undefined) {
      types.number += types.integer;
      delete types.integer;
    }
    const profile: FieldProfile = {
      path: this.path,
      sampled,
      present: this.present,
      nulls: this.nulls,
      distinct: this.distinct.size,
      types,
      shapes: sortedCounts(this.shapes),
    };
    if (this.empty > 0) profile.empty = this.empty;
    if (this.nativeTypes.size > 0) profile.nativeTypes = sortedCounts(this.nativeTypes);
    if (this.minLength !== undefined && this.maxLength !== undefined) {
      profile.minLength = this.minLength;
      profile.maxLength = this.maxLength;
    }
    const bounds = this.range.bounds();
    if (bounds) {
      profile.min = bounds.min;
      profile.max = bounds.max;
    }
    const values = this.list.values((date) => this.range.showDate(date));
    if (values) profile.values = values;
    const detected = this.list.detections();
    if (detected.length > 0) profile.detected = detected;
    return profile;
  }
}

function countInto<Key>(counts: Map<Key, number>, key: Key, count: number): void {
  counts.set(key, (counts.get(key) ?? 0) + count);
}

function sortedCounts(counts: ReadonlyMap<string, number>): Record<string, number> {
  return Object.fromEntries([...counts].sort((a, b) => compareText(a[0], b[0])));
}

/** Identity of a value for distinct counting; containers are counted through their parts. */
function distinctKey(leaf: Leaf): string | undefined {
  switch (leaf.type) {
    case "string":
      return `s${leaf.value}`;
    case "integer":
    case "number":
      return `n${showNumber(leaf.value)}`;
    case "boolean":
      return `b${String(leaf.value)}`;
    case "date":
      return `d${String(leaf.value.getTime())}`;
    case "binary": {
      const bytes = leaf.value.subarray(0, binaryBytesCompared);
      const base64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(
        "base64",
      );
      return `x${String(leaf.value.byteLength)}:${base64}`;
    }
    default:
      return undefined;
  }
}

function sampleText(leaf: Leaf): string | undefined {
  switch (leaf.type) {
    case "string":
      return leaf.value.length > longestSample ? leaf.value.slice(0, longestSample) : leaf.value;
    case "integer":
    case "number":
      return showNumber(leaf.value);
    case "boolean":
      return String(leaf.value);
    case "date":
      return Number.isNaN(leaf.value.getTime()) ? undefined : leaf.value.toISOString();
    case "binary":
      return textInBytes(leaf.value);
    default:
      return undefined;
  }
}

// Control characters other than tab and line breaks: bytes that are not text.
// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Text stored as bytes (MySQL VARBINARY and BLOB columns holding UTF-8, as MediaWiki does): the
 * classifier checks it like any text. Images, hashes and other bytes are not valid UTF-8 or hold
 * control characters, and give no sample.
 */
function textInBytes(bytes: Uint8Array): string | undefined {
  const head = bytes.subarray(0, longestSample * 4);
  let text: string;
  try {
    // Streaming: the samplers keep only a value's first bytes, so a character cut at the end is
    // left out, not an error; invalid bytes anywhere else still are.
    text = new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
  } catch {
    return undefined;
  }
  if (text.trim() === "" || controlCharacter.test(text)) return undefined;
  return text.length > longestSample ? text.slice(0, longestSample) : text;
}

/** Characters as people count them: a surrogate pair (an emoji) is one. */
function characterCount(text: string): number {
  let count = text.length;
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit >= 0xdc00 && unit <= 0xdfff) count -= 1;
  }
  return count;
}
