import type { EnrichedDataset, Field, FieldProfile, ValueType } from "../model/index.js";
import { isPrintableValue } from "../detectors/index.js";
import { approximateCount, code, formatCount, formatPercent, formatRounded } from "./format.js";
import { rangeText } from "./range-text.js";

/** Share of sampled records under which a field is called rare. */
export const rareShare = 0.05;

/** Fields present in few sampled records (items, documents): optional, or a sign of drift. */
export function rareFieldBullets(dataset: EnrichedDataset, records: string): string[] {
  return (dataset.profile?.fields ?? [])
    .filter((f) => f.sampled >= 20 && f.present > 0 && f.present / f.sampled < rareShare)
    .map(
      (f) =>
        `${code(f.path)} is rare: seen in ${formatRounded(f.present)} of ${formatRounded(f.sampled)} sampled ${records}.`,
    );
}

/** Paths a person has not rejected as sensitive: they show no figures drawn from values. */
export function sensitivePaths(
  dataset: EnrichedDataset,
  decisions: ReadonlyMap<string, string>,
): Set<string> {
  return new Set(
    dataset.findings
      .filter((finding) => decisions.get(finding.path)?.toLowerCase() !== "rejected")
      .map((finding) => finding.path),
  );
}

export interface ProfileOptions {
  /**
   * A single-column primary key or unique constraint holds this column alone: its values are
   * unique. A column of a composite key is not (order_line.order_id repeats per line).
   */
  uniqueKey?: boolean;
  sensitive: boolean;
  typeMix?: boolean;
  /** A date or time column: its values are dates, so "shape: iso_datetime" says nothing more. */
  temporal?: boolean;
  sampleDistinct?: boolean;
  /** The table's row estimate: a sample of at least this many records read every row. */
  tableRows?: number;
  /** The sampler says it read every record (`DatasetProfile.complete`). */
  complete?: boolean;
}

/**
 * The Profile cell: planner statistics first (null fraction, distinct), then what only the
 * sample can tell (valid values, ranges, shapes, type mix). Sensitive fields say so instead.
 */
export function profileText(
  field: Pick<Field, "enumValues" | "stats"> | undefined,
  profile: FieldProfile | undefined,
  options: ProfileOptions,
): string {
  if (options.sensitive) return "sensitive: not profiled";
  const parts: string[] = [];
  const stats = field?.stats;
  const list = field?.enumValues?.length
    ? `values: ${enumList(field.enumValues).join(", ")}`
    : profile?.values?.length
      ? sampledList(profile.values, profile, stats, options)
      : undefined;
  if (list) parts.push(list);
  if (list) {
    // The list already says how many distinct values there are.
  } else if (stats?.distinctIsUnique || (options.uniqueKey && stats)) {
    // A key is trusted only where the engine also keeps column statistics: Redshift declares
    // keys it never enforces, and keeps none.
    parts.push("distinct: unique");
  } else if (stats?.distinct !== undefined) parts.push(`distinct ≈ ${formatCount(stats.distinct)}`);
  else if (profile && (options.sampleDistinct ?? true)) parts.push(sampledDistinct(profile));
  const nulls = stats?.nullFraction ?? sampledNullFraction(profile);
  if (nulls !== undefined && nulls > 0) parts.push(`null ${formatPercent(nulls)}`);
  if (profile?.empty !== undefined && profile.present > 0)
    parts.push(`empty string ${formatPercent(profile.empty / profile.present)}`);
  if (stats?.averageLength !== undefined)
    parts.push(`avg length ${approximateCount(stats.averageLength)}`);
  if (profile) {
    const whole = readEveryRow(profile, options);
    parts.push(...sampleFacts(profile, whole, options.typeMix ?? true, options.temporal === true));
  }
  return parts.filter(Boolean).join("; ");
}

/**
 * The values a sample found are every value only when the sample read the whole table, or when
 * the statistics count no more. Otherwise the list says it is partial, and how many distinct
 * values the statistics count when they do.
 */
function sampledList(
  values: readonly string[],
  profile: FieldProfile,
  stats: Field["stats"],
  options: ProfileOptions,
): string {
  const shown = values.map((value) => (value === "" ? "(empty string)" : value)).join(", ");
  const counted = stats?.distinctIsUnique ? undefined : stats?.distinct;
  if (counted !== undefined && Math.round(counted) > values.length) {
    return `${String(values.length)} of ≈${formatCount(counted)} values: ${shown}`;
  }
  if (counted !== undefined || readEveryRow(profile, options)) return `values: ${shown}`;
  return `values in the sample (there may be more): ${shown}`;
}

/**
 * An enum's labels come from the DDL, yet they are printed like sampled values, so they pass the
 * same detectors; a label that trips one is withheld, and the list says how many were.
 */
function enumList(labels: readonly string[]): string[] {
  const shown = labels.filter(isPrintableValue);
  const withheld = labels.length - shown.length;
  return withheld === 0 ? [...labels] : [...shown, `(${String(withheld)} more withheld)`];
}

function sampledDistinct(profile: FieldProfile): string {
  const nonNull = profile.present - profile.nulls;
  if (nonNull === 0) return "";
  if (profile.distinct === nonNull && nonNull > 1) return "distinct in sample: all";
  return `distinct in sample: ${approximateCount(profile.distinct)}`;
}

export function sampledNullFraction(profile: FieldProfile | undefined): number | undefined {
  if (!profile || profile.present === 0) return undefined;
  return profile.nulls / profile.present;
}

/** The sampler read every row, or a sample of at least the table's row estimate did. */
function readEveryRow(profile: FieldProfile, options: ProfileOptions): boolean {
  if (options.complete === true) return true;
  return options.tableRows !== undefined && profile.sampled >= options.tableRows;
}

/**
 * A range is the column's only when every row was read; otherwise it is the sample's, and says
 * so: a spread sample misses the extremes, and an agent would filter by a bound that is false.
 */
function sampleFacts(
  profile: FieldProfile,
  whole: boolean,
  withTypeMix: boolean,
  temporal: boolean,
): string[] {
  const facts: string[] = [];
  if (profile.min !== undefined && profile.max !== undefined && !profile.values) {
    const range = rangeText(profile.min, profile.max);
    facts.push(
      whole
        ? range
        : range
            .replace(/^range /, "range in sample: ")
            .replace(/^always /, "one value in sample: "),
    );
  }
  const nonNull = profile.present - profile.nulls;
  const shape = dominantShape(profile.shapes, nonNull);
  if (shape && !(temporal && shape.startsWith("iso_"))) facts.push(`shape: ${shape}`);
  const mix = withTypeMix ? typeMix(profile.types, nonNull) : undefined;
  if (mix) facts.push(`types: ${mix}`);
  return facts;
}

/** A shape that nearly every value has says more than a length range. */
function dominantShape(shapes: Record<string, number>, nonNull: number): string | undefined {
  if (nonNull === 0) return undefined;
  const [name, count] =
    Object.entries(shapes).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? [];
  return name !== undefined && count !== undefined && count / nonNull >= 0.9 ? name : undefined;
}

/** Only a mixed field needs its types spelled out. */
function typeMix(types: Partial<Record<ValueType, number>>, nonNull: number): string | undefined {
  const entries = Object.entries(types).filter(([type, count]) => type !== "null" && count > 0);
  if (entries.length < 2 || nonNull === 0) return undefined;
  return entries
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([type, count]) => `${type} ${formatPercent(count / nonNull)}`)
    .join(", ");
}
