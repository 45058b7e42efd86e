import { z } from "zod";
import { errorMessage } from "../errors.js";
import { configRulesFor, sourceConfigSchemas } from "../../extractors/config-schemas.js";
import { glob } from "../../extractors/shared/config-keys.js";
import { agentUsageValues } from "../bundle/agent-usage.js";

export type { SourceConfig } from "../../extractors/config-schemas.js";

const sourceTypeSchemas = Object.values(sourceConfigSchemas);
type SourceTypeSchema = (typeof sourceTypeSchemas)[number];

/** One entry of `sources[]`: the schema of its `type` (extractors/config-schemas.ts). */
export const sourceSchema = z.discriminatedUnion(
  "type",
  sourceTypeSchemas as [SourceTypeSchema, ...SourceTypeSchema[]],
);

/** Every source type the config accepts, in the order docs/configuration.md lists them. */
export const sourceTypes = sourceSchema.options.map((option) => option.shape.type.value);

/** The source types reached through the AWS SDK (they have `aws_profile`). */
export const awsSourceTypes: readonly string[] = sourceSchema.options
  .filter((option) => "aws_profile" in option.shape)
  .map((option) => option.shape.type.value);

const defaultsSchema = z
  .object({
    /** Written as `cloud` when set; otherwise okf writes it only when it knows (source-cloud.ts). */
    cloud: z.string().min(1).optional(),
    environment: z.string().optional(),
    owner: z.string().optional(),
    steward: z.string().optional(),
    source_system: z.string().optional(),
    freshness_sla: z.string().optional(),
    /** Written as `agent_usage` in new files; the vocabulary of docs/knowledge-files.md. */
    agent_usage: z.enum(agentUsageValues).optional(),
    review_interval_days: z
      .number()
      .int()
      .positive()
      .max(36_500, "must be at most 36500 (100 years)")
      .default(90),
  })
  .strict()
  .default({ review_interval_days: 90 });

/** A regular expression in the config; an invalid one is a configuration error at its path. */
const regexSource = (flags: string) =>
  z
    .string()
    .min(1)
    .superRefine((source, ctx) => {
      try {
        new RegExp(source, flags);
      } catch (error) {
        ctx.addIssue({
          code: "custom",
          message: `not a valid regular expression: ${errorMessage(error)}`,
        });
      }
    });

/** `classification.rules[]`: a custom category found by field name, by sampled values, or both. */
const customRuleSchema = z
  .object({
    category: z
      .string()
      .regex(
        /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/,
        'must be dotted lower-case words, e.g. "pii.customer_number"',
      ),
    /** Tested case-insensitively against the field's own name and its full path. */
    name: regexSource("i").optional(),
    /** Tested (case-sensitively) against each non-empty sampled value. */
    value: regexSource("").optional(),
    min_ratio: z.number().gt(0).max(1).default(0.8),
    confidence: z.enum(["low", "medium", "high"]).default("medium"),
    classification: z.enum(["internal", "confidential", "restricted"]).optional(),
  })
  .strict()
  .refine((rule) => rule.name !== undefined || rule.value !== undefined, {
    error: "a rule needs `name`, `value` or both",
  })
  .meta({ anyOf: [{ required: ["name"] }, { required: ["value"] }] });

/**
 * `classification.allow[]`: globs over `<schema>.<table>.<field path>`, with the same rules as
 * `include` and `exclude`.
 */
const allowGlob = glob;

const classificationSchema = z
  .object({
    rules: z.array(customRuleSchema).default([]),
    allow: z.array(allowGlob).default([]),
  })
  .strict();

/** `guard:`: how `okf check-sql` and the MCP tool check_query judge SQL (docs/guard.md). */
export const guardSchema = z
  .object({
    /** Draft and needs_review tables are errors (unapproved-table). */
    require_approval: z.boolean().default(false),
    /** Schemas (MySQL: databases) for unqualified table names, in order. */
    search_path: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict();

export const configSchema = z
  .object({
    bundle: z.string().min(1).default("knowledge"),
    defaults: defaultsSchema,
    templates: z
      .object({
        /** A folder whose files override the default templates of the same name. */
        dir: z.string().min(1),
      })
      .strict()
      .optional(),
    sources: z.array(sourceSchema).min(1, "at least one source is required"),
    classification: classificationSchema.optional(),
    guard: guardSchema.optional(),
  })
  .strict()
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.sources.forEach((source, index) => {
      const folded = source.name.toLowerCase();
      if (seen.has(folded)) {
        ctx.addIssue({
          code: "custom",
          path: ["sources", index, "name"],
          message: `duplicate source name "${source.name}" (names must be unique, ignoring case)`,
        });
      }
      seen.add(folded);
    });
    config.sources.forEach((source, index) => {
      for (const issue of configRulesFor(source).checkAmong?.(source, config.sources) ?? []) {
        ctx.addIssue({
          code: "custom",
          path: ["sources", index, ...issue.path],
          message: issue.message,
        });
      }
    });
  });

export type OkfConfig = z.infer<typeof configSchema>;
export type CustomRuleConfig = z.infer<typeof customRuleSchema>;
