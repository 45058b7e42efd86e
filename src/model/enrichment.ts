import type { LiteralKind } from "./literal-kind.js";
import type { Dataset } from "./dataset.js";
import type { JoinCandidate } from "./join-candidate.js";

/** The kinds of value a sampled value can be, as seen by the profiler. */
export type ValueType =
  "string" | "integer" | "number" | "boolean" | "date" | "object" | "array" | "binary" | "null";

/**
 * Per-field figures computed by the profiler from a bounded sample. Raw values (`values`,
 * `min`, `max`) are removed again for fields the classifier finds sensitive, before rendering.
 */
export interface FieldProfile {
  /**
   * Dotted path; array elements as `lines[].sku`; the keys of an object used as a map, and any
   * key shaped like an id, date or email, as `<key>` (`tier_and_details.<key>.tier`).
   */
  path: string;
  /** Records in the sample. */
  sampled: number;
  /** Records in which the path exists (documents and items may lack it). */
  present: number;
  /** Records in which the path exists but holds null. */
  nulls: number;
  /**
   * Values that are the empty string, when there are any: a column of `''` is not null, and a
   * filter on `IS NULL` would miss it.
   */
  empty?: number;
  /** Distinct non-null values seen in the sample. */
  distinct: number;
  /** Type mix: how many present, non-null values had each type. */
  types: Partial<Record<ValueType, number>>;
  /** Shortest and longest string value, in characters. */
  minLength?: number;
  maxLength?: number;
  /** Numeric or date range, as display strings. Never kept for sensitive fields. */
  min?: string;
  max?: string;
  /**
   * Value shapes (`email`, `uuid`, `iso_date`, `url`, `json`, …) → matching values; binary
   * values by the image format their first bytes announce (`png_image`, `jpeg_image`, …).
   */
  shapes: Record<string, number>;
  /** Every distinct value, sorted, when there are few. Never kept for sensitive fields. */
  values?: string[];
  /** The source's own type names (DynamoDB S, N, M, L, SS, …) → values, when the sampler names them. */
  nativeTypes?: Record<string, number>;
  /**
   * Detectors that the field's few distinct values tripped, when it has few (a `remark` whose
   * values hold an email): counts only, never a value. Such a field has no `values`; the
   * classifier reports it. Never rendered.
   */
  detected?: ValueDetection[];
}

/** What a distinct value can trip: a literal detector, or person-name detection. */
export type ValueDetectionKind = LiteralKind | "person_name";

/** One detector tripped by some of a field's distinct values. */
export interface ValueDetection {
  kind: ValueDetectionKind;
  /** Distinct values in which the detector found a literal. */
  matched: number;
  /** Distinct values screened. */
  of: number;
}

/**
 * One kind of record in a collection that holds several: single-table DynamoDB designs
 * (`USER#…` / `ORDER#…` key prefixes) and polymorphic document collections (`type`, `_t`).
 */
export interface RecordVariant {
  /** `USER`, `ORDER`, or the discriminator's value. */
  name: string;
  /** How it was recognised: `partition key prefix "USER#"`, `attribute type = "order"`. */
  rule: string;
  /** Sampled records of this variant. */
  count: number;
  /** The variant's own field profiles (presence counted within the variant). */
  fields: FieldProfile[];
}

/**
 * How a profile's records were taken, or why there are none: `read` with the sample's method
 * ("TABLESAMPLE SYSTEM (1%) REPEATABLE, capped at 10,000 rows"), `not_read` with the reason
 * okf chose not to read the dataset (`sampled` is then 0 and `fields` empty).
 */
export type ProfileSampling =
  { status: "read"; method: string } | { status: "not_read"; reason: string };

export interface DatasetProfile {
  sampling: ProfileSampling;
  /** Records read. */
  sampled: number;
  /** Present when the sample read every record of the dataset (`SampleOutcome.complete`). */
  complete?: true;
  /** In the order the paths were first seen (column order for relational rows). */
  fields: FieldProfile[];
  /**
   * Present when the records held more distinct paths than this limit (documents keyed by
   * ids, for instance): paths first seen after it was reached are not profiled.
   */
  pathLimit?: number;
  /**
   * Present when records nested deeper than this many levels: the value at that depth is
   * profiled as an `object` (or `array`) at its path, and what it holds is not.
   */
  depthLimit?: number;
  /** Kinds of record found in the sample, when it holds more than one. */
  variants?: RecordVariant[];
}

export type FindingConfidence = "low" | "medium" | "high";

/** A field the classifier believes holds sensitive data, with evidence a reviewer can check. */
export interface SensitiveFinding {
  path: string;
  /** `pii.email`, `pii.phone`, `secret.password`, … */
  category: string;
  confidence: FindingConfidence;
  /** Checkable sentences: `name matches "email"`, `98 of 100 sampled values are email addresses`. */
  evidence: string[];
}

export type Classification = "public" | "internal" | "confidential" | "restricted";

/** A dataset after the profile and classify stages. */
export interface EnrichedDataset extends Dataset {
  profile?: DatasetProfile;
  findings: SensitiveFinding[];
  /** Suggested `classification` for new files. */
  suggestedClassification?: Classification;
  /** Join candidates from the relate stage, in the order the Relationships table lists them. */
  joins?: JoinCandidate[];
}
