import { z } from "zod";
import { externalSourceSchema } from "../../extractors/external/config-schema.js";
import { errorMessage } from "../errors.js";
import { connectionUrl } from "./connection-url.js";
import {
  awsSourceKeys,
  commonSourceKeys,
  glob,
  milliseconds,
  resourceHost,
  sampleViews,
  sqlSourceKeys,
  statementTimeout,
} from "./source-keys.js";
import { glueSourceSchema } from "./sources/glue-source.js";
import { mysqlSourceSchema } from "./sources/mysql-source.js";
import { rdsDataSourceSchema } from "./sources/rds-data-source.js";
import { redshiftSourceSchema } from "./sources/redshift-source.js";

export const postgresSourceSchema = z
  .object({
    ...sqlSourceKeys,
    type: z.literal("postgres"),
    connection: connectionUrl(
      ["postgres", "postgresql"],
      "postgresql://user:password@host:5432/db",
    ),
    /** host[:port] (port default 5432) written into `resource` URIs instead of the connection's. */
    resource_host: resourceHost,
    statement_timeout_ms: statementTimeout,
    lock_timeout_ms: milliseconds.default(5_000),
    /** Document objects that belong to an extension (pg_stat_statements, PostGIS) too. */
    extension_objects: z.boolean().default(false),
    /** Read views to sample them: when the planner estimates them cheap (auto), always, never. */
    sample_views: sampleViews,
  })
  .strict();

export const dynamodbSourceSchema = z
  .object({
    ...commonSourceKeys,
    ...awsSourceKeys,
    type: z.literal("dynamodb"),
  })
  .strict();

export const documentdbSourceSchema = z
  .object({
    ...commonSourceKeys,
    type: z.literal("documentdb"),
    /** A mongodb:// or mongodb+srv:// URI; its password is registered as a secret. */
    connection: connectionUrl(["mongodb", "mongodb+srv"], "mongodb://user:password@host:27017/"),
    /** Databases to read; all but admin, local and config (from listDatabases) when absent. */
    databases: z.array(z.string().min(1)).min(1).optional(),
    /**
     * The CA bundle that signs the server's certificate (Amazon DocumentDB: global-bundle.pem);
     * relative to the config file. Setting it turns TLS on.
     */
    tls_ca_file: z.string().min(1).optional(),
    read_preference: z
      .enum(["primary", "primaryPreferred", "secondary", "secondaryPreferred", "nearest"])
      .default("secondaryPreferred"),
    /** Amazon DocumentDB does not support retryable writes (okf never writes anyway). */
    retry_writes: z.boolean().default(false),
    server_selection_timeout_ms: milliseconds.default(10_000),
  })
  .strict();

export const sourceSchema = z.discriminatedUnion("type", [
  postgresSourceSchema,
  dynamodbSourceSchema,
  documentdbSourceSchema,
  mysqlSourceSchema,
  redshiftSourceSchema,
  rdsDataSourceSchema,
  glueSourceSchema,
  externalSourceSchema,
]);

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
    agent_usage: z.string().optional(),
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
      if (source.type !== "redshift" || source.glue_source === undefined) return;
      const glue = config.sources.find((other) => other.name === source.glue_source);
      if (glue?.type !== "glue") {
        ctx.addIssue({
          code: "custom",
          path: ["sources", index, "glue_source"],
          message: `"${source.glue_source}" is not the name of a glue source in this config`,
        });
      }
    });
  });

export type OkfConfig = z.infer<typeof configSchema>;
export type SourceConfig = z.infer<typeof sourceSchema>;
export type SourceConfigOf<T extends SourceConfig["type"]> = Extract<SourceConfig, { type: T }>;
export type PostgresSourceConfig = SourceConfigOf<"postgres">;
export type DynamodbSourceConfig = SourceConfigOf<"dynamodb">;
export type DocumentdbSourceConfig = SourceConfigOf<"documentdb">;
export type MysqlSourceConfig = SourceConfigOf<"mysql">;
export type RedshiftSourceConfig = SourceConfigOf<"redshift">;
export type RdsDataSourceConfig = SourceConfigOf<"rds-data">;
export type GlueSourceConfig = SourceConfigOf<"glue">;
export type ConfigDefaults = OkfConfig["defaults"];
export type ClassificationConfig = z.infer<typeof classificationSchema>;
export type CustomRuleConfig = z.infer<typeof customRuleSchema>;
