import picomatch from "picomatch";
import { z } from "zod";
import { errorMessage } from "../errors.js";

/** A source name becomes the first path segment of the bundle, so it must already be a slug. */
const sourceName = z
  .string()
  .regex(
    /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/,
    "must start with a letter, digit or _ and use only letters, digits, _ . -",
  )
  .refine((name) => !name.includes(".."), "must not contain '..'");

const globList = z.array(z.string().min(1)).default([]);

const profileOptions = z
  .object({
    /** Relational sources: rows per table sample. */
    sample_rows: z.number().int().positive().default(10_000),
    /** Key-value sources (DynamoDB): items per table sample. */
    sample_items: z.number().int().positive().default(1_000),
    /** Document sources (DocumentDB, MongoDB): documents per collection `$sample`. */
    sample_documents: z.number().int().positive().default(1_000),
  })
  .strict()
  .default({ sample_rows: 10_000, sample_items: 1_000, sample_documents: 1_000 });

const commonSourceKeys = {
  name: sourceName,
  system: z.string().min(1).optional(),
  domain: z.string().min(1).optional(),
  include: globList,
  exclude: globList,
  concurrency: z.number().int().positive().max(64).optional(),
  profile: profileOptions,
};

export const postgresSourceSchema = z
  .object({
    ...commonSourceKeys,
    type: z.literal("postgres"),
    connection: z.string().min(1),
    /**
     * host[:port] (port default 5432) written into `resource` URIs instead of the connection's, e.g. the cluster
     * endpoint when okf connects through a tunnel, a proxy or PgBouncer.
     */
    resource_host: z
      .string()
      .regex(
        /^[A-Za-z0-9.-]+(:\d{1,5})?$/,
        "must be host or host:port, e.g. crm-prod.cluster-x.eu-west-1.rds.amazonaws.com:5432",
      )
      .optional(),
    statement_timeout_ms: z.number().int().positive().default(30_000),
    lock_timeout_ms: z.number().int().positive().default(5_000),
  })
  .strict();

export const dynamodbSourceSchema = z
  .object({
    ...commonSourceKeys,
    type: z.literal("dynamodb"),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, "must be an AWS region, e.g. eu-west-1"),
    /** A local engine (DynamoDB Local, dynalite) or a VPC endpoint; AWS's own endpoint by default. */
    endpoint: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
    /**
     * A named profile of the shared AWS config files. DESIGN §2 calls it `profile:`, but that key
     * already holds the sampling options of every source.
     */
    aws_profile: z.string().min(1).optional(),
  })
  .strict();

export const documentdbSourceSchema = z
  .object({
    ...commonSourceKeys,
    type: z.literal("documentdb"),
    /** A mongodb:// or mongodb+srv:// URI; its password is registered as a secret. */
    connection: z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, "must be a mongodb:// or mongodb+srv:// URI"),
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
    server_selection_timeout_ms: z.number().int().positive().default(10_000),
  })
  .strict();

export const sourceSchema = z.discriminatedUnion("type", [
  postgresSourceSchema,
  dynamodbSourceSchema,
  documentdbSourceSchema,
]);

/** Source types named in DESIGN §2 whose extractor has not landed yet. */
export const plannedSourceTypes = ["mysql", "redshift", "rds-data", "glue"] as const;

const defaultsSchema = z
  .object({
    cloud: z.string().default("aws"),
    environment: z.string().optional(),
    owner: z.string().optional(),
    steward: z.string().optional(),
    source_system: z.string().optional(),
    freshness_sla: z.string().optional(),
    agent_usage: z.string().optional(),
    review_interval_days: z.number().int().positive().default(90),
  })
  .strict()
  .default({ cloud: "aws", review_interval_days: 90 });

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
  });

/** `classification.allow[]`: picomatch globs over `<schema>.<table>.<field path>`. */
const allowGlob = z
  .string()
  .min(1)
  .superRefine((glob, ctx) => {
    try {
      picomatch.makeRe(glob);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: `not a usable glob: ${errorMessage(error)}` });
    }
  });

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
  });

export type OkfConfig = z.infer<typeof configSchema>;
export type SourceConfig = z.infer<typeof sourceSchema>;
export type SourceConfigOf<T extends SourceConfig["type"]> = Extract<SourceConfig, { type: T }>;
export type PostgresSourceConfig = SourceConfigOf<"postgres">;
export type DynamodbSourceConfig = SourceConfigOf<"dynamodb">;
export type DocumentdbSourceConfig = SourceConfigOf<"documentdb">;
export type ConfigDefaults = OkfConfig["defaults"];
export type ClassificationConfig = z.infer<typeof classificationSchema>;
export type CustomRuleConfig = z.infer<typeof customRuleSchema>;
