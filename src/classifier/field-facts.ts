import type { Field, FieldProfile, FindingConfidence, ValueDetection } from "../model/index.js";
import { imageShapeSuffix } from "../profiler/binary-shapes.js";
import { samplesPerField } from "../profiler/field-accumulator.js";
import { coreName, pathSegments, snakeWords } from "./field-names.js";
import { typeFamilies, type TypeFamily } from "./type-family.js";
import { valueChecks, type ValueCheckId } from "./value-checks.js";

/** At most this many sampled values of one field are inspected; evidence counts only these. */
const inspectedValues = 1_000;

/** What the classifier knows about one field. Values never leave this object except as counts. */
export interface FieldFacts {
  path: string;
  /** The field's own name (last path segment) as written. */
  ownName: string;
  /** Its words with trailing qualifiers removed: `BillingPostalCode` → `billing_postal_code`. */
  name: string;
  datasetName: string;
  field?: Field;
  families: Set<TypeFamily>;
  /** Non-empty sampled values, at most `inspectedValues`. */
  values: readonly string[];
  /** Detectors the field's few distinct values tripped (the profile's `detected`). */
  detected: readonly ValueDetection[];
  /** Sampled binary values, and those whose first bytes are an image file's (by format). */
  binary: { of: number; images: number; formats: string[] };
  /** Planner statistics when nothing was sampled: distinct values and the table's row estimate. */
  statsDistinct?: number;
  rowEstimate?: number;
}

export function fieldFacts(input: {
  path: string;
  datasetName: string;
  field?: Field;
  profile?: FieldProfile;
  sample?: readonly string[];
  rowEstimate?: number;
}): FieldFacts {
  const segments = pathSegments(input.path);
  const ownName = segments[segments.length - 1] ?? input.path;
  const values: string[] = [];
  for (const value of input.sample ?? []) {
    if (values.length >= inspectedValues) break;
    if (value.trim() !== "") values.push(value);
  }
  const stats = input.field?.stats;
  const families = typeFamilies(input.field, input.profile);
  const binary = binaryFacts(input.profile);
  // Text stored as bytes (VARBINARY): at least half the binary values read as text. Below a
  // full sample every binary value was tried; a full sample says nothing of the rest.
  const readable = values.length >= samplesPerField || 2 * values.length >= binary.of;
  if (families.has("binary") && values.length > 0 && readable) {
    families.add("string");
  }
  return {
    path: input.path,
    ownName,
    name: coreName(snakeWords(ownName)),
    datasetName: input.datasetName,
    field: input.field,
    families,
    values,
    detected: input.profile?.detected ?? [],
    binary,
    statsDistinct: stats?.distinctIsUnique ? undefined : stats?.distinct,
    rowEstimate: input.rowEstimate,
  };
}

function binaryFacts(profile: FieldProfile | undefined): FieldFacts["binary"] {
  const images = Object.entries(profile?.shapes ?? {}).filter(([shape]) =>
    shape.endsWith(imageShapeSuffix),
  );
  return {
    of: profile?.types.binary ?? 0,
    images: images.reduce((sum, [, count]) => sum + count, 0),
    formats: images.map(([shape]) => shape.slice(0, -imageShapeSuffix.length).toUpperCase()),
  };
}

export interface ValueCount {
  matched: number;
  of: number;
  ratio: number;
  /** "98 of 100 sampled values are email addresses" */
  evidence: string;
}

export function countValues(facts: FieldFacts, check: ValueCheckId): ValueCount {
  const { test, phrase } = valueChecks[check];
  const matched = facts.values.filter((value) => test(value)).length;
  const of = facts.values.length;
  return {
    matched,
    of,
    ratio: of === 0 ? 0 : matched / of,
    evidence: `${String(matched)} of ${String(of)} sampled values ${phrase}`,
  };
}

const rank: Record<FindingConfidence, number> = { low: 0, medium: 1, high: 2 };

export function higherConfidence(a: FindingConfidence, b: FindingConfidence): boolean {
  return rank[a] > rank[b];
}

/** The declared type for notes: `declared type boolean`, or the observed mix when none. */
export function describeType(facts: FieldFacts): string {
  if (facts.field?.type) return `declared type ${facts.field.type}`;
  return `observed type ${[...facts.families].join(" or ")}`;
}
