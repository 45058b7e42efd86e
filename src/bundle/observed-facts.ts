import { z } from "zod";
import type {
  Classification,
  DatasetProfile,
  FieldStats,
  Index,
  KeyValueFacts,
  SensitiveFinding,
  UnobservedPart,
} from "../model/index.js";

/** Key-value table settings read by optional calls (DescribeTimeToLive, DescribeContinuousBackups). */
export type KeyValueSettings = Pick<
  KeyValueFacts,
  "ttlAttribute" | "ttlStatus" | "pointInTimeRecovery"
>;

/** What the profile stage gave the file: its figures and the findings drawn from them. */
export interface ObservedSample {
  /** Already stripped of raw values for sensitive fields, ranges already rounded as shown. */
  profile?: DatasetProfile;
  findings: SensitiveFinding[];
  suggestedClassification?: Classification;
  /**
   * Planner statistics per field path: a role that may not read a table cannot see them either
   * (PostgreSQL's pg_stats shows only readable columns).
   */
  fieldStats?: Record<string, FieldStats>;
}

/**
 * The facts of each part that a run may fail to read, as the file last showed them when they
 * were read. A run that cannot read a part renders these instead, so an unknown fact is never
 * written as an absent one. Nothing here is more than the file itself shows.
 */
export interface ObservedFacts {
  sample?: ObservedSample;
  indexes?: Index[];
  tags?: string[];
  settings?: KeyValueSettings;
  /**
   * Catalog column statistics per field path, for a dataset that has no sample (Glue); with a
   * sample they belong to it (`ObservedSample.fieldStats`).
   */
  statistics?: Record<string, FieldStats>;
}

/** Per part that could not be read: the day (YYYY-MM-DD) of the first run that could not. */
export type UnrefreshedSince = Partial<Record<UnobservedPart, string>>;

const count = z.number().int().nonnegative();
const counts = z.record(z.string(), count);
const fieldProfile = z.looseObject({
  path: z.string(),
  sampled: count,
  present: count,
  nulls: count,
  distinct: count,
  types: counts,
  shapes: counts,
  values: z.array(z.string()).optional(),
  min: z.string().optional(),
  max: z.string().optional(),
});
const variant = z.looseObject({
  name: z.string(),
  rule: z.string(),
  count,
  fields: z.array(fieldProfile),
});
const fieldStatsSchema = z.looseObject({ source: z.string() });
const sampleSchema = z.object({
  profile: z
    .looseObject({
      sampling: z.union([
        z.object({ status: z.literal("read"), method: z.string() }),
        z.object({ status: z.literal("not_read"), reason: z.string() }),
      ]),
      sampled: count,
      fields: z.array(fieldProfile),
      variants: z.array(variant).optional(),
    })
    .optional(),
  findings: z.array(
    z.object({
      path: z.string(),
      category: z.string(),
      confidence: z.enum(["low", "medium", "high"]),
      evidence: z.array(z.string()),
    }),
  ),
  suggestedClassification: z.enum(["public", "internal", "confidential", "restricted"]).optional(),
  fieldStats: z.record(z.string(), fieldStatsSchema).optional(),
});
const indexesSchema = z.array(
  z.looseObject({
    name: z.string(),
    method: z.string(),
    unique: z.boolean(),
    primary: z.boolean(),
    columns: z.array(z.string()),
    definition: z.string(),
  }),
);
const settingsSchema = z.object({
  ttlAttribute: z.string().optional(),
  ttlStatus: z.string().optional(),
  pointInTimeRecovery: z.boolean().optional(),
});

/**
 * The last observed facts as read from a state file, which is committed and may be edited by
 * hand: a part that does not have the shape okf wrote is dropped (it is then not known), so a
 * damaged state never fails a run.
 */
export function checkedObservedFacts(value: unknown): ObservedFacts {
  if (typeof value !== "object" || value === null) return {};
  const parts = value as Record<string, unknown>;
  const valid = (schema: z.ZodType, part: string): boolean => schema.safeParse(parts[part]).success;
  return {
    sample: sampleSchema.safeParse(parts.sample).success
      ? (parts.sample as ObservedSample)
      : legacySample(parts.sample),
    indexes: valid(indexesSchema, "indexes") ? (parts.indexes as Index[]) : undefined,
    tags: valid(z.array(z.string()), "tags") ? (parts.tags as string[]) : undefined,
    settings: valid(settingsSchema, "settings") ? (parts.settings as KeyValueSettings) : undefined,
    statistics: valid(z.record(z.string(), fieldStatsSchema), "statistics")
      ? (parts.statistics as Record<string, FieldStats>)
      : undefined,
  };
}

/** How a sample read, as okf 0.x wrote it, before `sampling`. */
const legacyPrefix = "not sampled: ";

/**
 * A state written before profiles said how they were sampled in a typed `sampling`: its
 * `method` string, which started with "not sampled: " when nothing was read, is turned into
 * one, so that a bundle's last observed profiles survive the upgrade.
 */
function legacySample(value: unknown): ObservedSample | undefined {
  const profile = z
    .looseObject({ profile: z.looseObject({ method: z.string() }) })
    .safeParse(value);
  if (!profile.success) return undefined;
  const { method, ...rest } = profile.data.profile;
  const sampling = method.startsWith(legacyPrefix)
    ? { status: "not_read", reason: method.slice(legacyPrefix.length) }
    : { status: "read", method };
  const upgraded = { ...profile.data, profile: { ...rest, sampling } };
  return sampleSchema.safeParse(upgraded).success ? (upgraded as ObservedSample) : undefined;
}
