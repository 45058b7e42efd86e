import picomatch from "picomatch";
import { z } from "zod";
import { errorMessage } from "../../src/errors.js";

/**
 * A source name becomes the first path segment of the bundle and the name of its state file,
 * so it must already be a slug, and short enough for any file system (255 bytes a name).
 */
const sourceName = z
  .string()
  .regex(
    /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/,
    "must start with a letter, digit or _ and use only letters, digits, _ . -",
  )
  .max(100, "must be at most 100 characters (it becomes a folder name)")
  .refine((name) => !name.includes(".."), "must not contain '..'");

/**
 * An `include` / `exclude` glob (picomatch syntax). Globs run inside the database as well as in
 * okf, so what no database name contains is refused here, before any source is contacted: a
 * control character (PostgreSQL cannot even receive NUL) and `\`, which picomatch reads as an
 * escape that PostgreSQL's regular expressions then reject.
 */
export const glob = z
  .string()
  .min(1)
  // For the JSON Schema (src/config/json-schema.ts): no \ and no control character.
  .meta({ pattern: "^[^\\\\\\x00-\\x1f\\x7f-\\x9f]*$" })
  .superRefine((pattern, ctx) => {
    if (/\p{Cc}/u.test(pattern)) {
      ctx.addIssue({ code: "custom", message: "must not contain control characters" });
      return;
    }
    if (pattern.includes("\\")) {
      ctx.addIssue({
        code: "custom",
        message: "must not contain \\ (globs have no escapes here; use ? for any one character)",
      });
      return;
    }
    try {
      picomatch.makeRe(pattern);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: `not a usable glob: ${errorMessage(error)}` });
    }
  });

const globList = z.array(glob).default([]);

/**
 * A duration in milliseconds that Node timers and PostgreSQL's `statement_timeout` both accept:
 * both take a signed 32-bit integer (Node silently turns a larger one into 1 ms).
 */
export const milliseconds = z
  .number()
  .int()
  .positive()
  .max(2_147_483_647, "must be at most 2147483647 (about 24.8 days)");

/** Rows, items or documents: the engines' LIMIT and the SDKs' page sizes take 32-bit counts. */
const sampleSize = z.number().int().positive().max(2_147_483_647, "must be at most 2147483647");

const profileShape = {
  /** Relational sources: rows per table sample. */
  sample_rows: sampleSize.default(10_000),
  /** Key-value sources (DynamoDB): items per table sample. */
  sample_items: sampleSize.default(1_000),
  /** Document sources (DocumentDB, MongoDB): documents per collection `$sample`. */
  sample_documents: sampleSize.default(1_000),
};
const profileDefaults = { sample_rows: 10_000, sample_items: 1_000, sample_documents: 1_000 };

/** `profile:` of a source: the sampling options. */
const profileOptions = z
  .strictObject(profileShape, {
    error: (issue) =>
      issue.code === "invalid_type"
        ? "must be the sampling options, a map such as { sample_rows: 10000 }"
        : undefined,
  })
  .default(profileDefaults);

/**
 * `profile:` of an AWS source: the sampling options, or (a string) the AWS profile, which
 * `awsProfileAlias` (src/config/aws-profile-alias.ts) moves to `aws_profile` before the schema
 * sees it. A string left here is one that came with an `aws_profile` of its own.
 */
export const awsProfileOptions = z
  .strictObject(profileShape, {
    error: (issue) => {
      if (issue.code !== "invalid_type") return undefined;
      return typeof issue.input === "string"
        ? "names an AWS profile, and so does aws_profile: keep one of them"
        : "must be an AWS profile name or the sampling options, a map such as { sample_items: 1000 }";
    },
  })
  .default(profileDefaults);

/** Keys every source has. */
export const commonSourceKeys = {
  name: sourceName,
  system: z.string().min(1).optional(),
  domain: z.string().min(1).optional(),
  include: globList,
  exclude: globList,
  concurrency: z.number().int().positive().max(64).optional(),
  profile: profileOptions,
};

/**
 * The SQL sources (postgres, mysql, redshift, rds-data) read over one connection, one statement
 * at a time, so a `concurrency` of theirs would bound nothing: it is refused, not ignored.
 */
export const refusedConcurrency = z.undefined({
  error:
    "has no effect on this source type: it reads over one connection, one statement at a " +
    "time; remove it (concurrency bounds the calls of dynamodb, documentdb and glue sources)",
});

export const sqlSourceKeys = {
  ...commonSourceKeys,
  concurrency: refusedConcurrency.optional(),
};

/** Keys of sources reached through the AWS SDK. */
export const awsSourceKeys = {
  /** The SDK's own resolution when absent: AWS_REGION, AWS_DEFAULT_REGION, the profile's region. */
  region: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, "must be an AWS region, e.g. eu-west-1")
    .optional(),
  /** A local engine or a VPC endpoint; AWS's own endpoint by default. */
  endpoint: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  /**
   * A named profile of the shared AWS config files. `profile: name` is accepted for it too
   * (`awsProfileAlias`); `profile:` as a map holds the sampling options of every source.
   */
  aws_profile: z.string().min(1).optional(),
  profile: awsProfileOptions,
};

/**
 * host[:port] written into `resource` URIs instead of the connection's, e.g. the cluster endpoint
 * when okf connects through a tunnel, a proxy or PgBouncer.
 */
export const resourceHost = z
  .string()
  .regex(
    /^[A-Za-z0-9.-]+(:\d{1,5})?$/,
    "must be host or host:port, e.g. crm-prod.cluster-x.eu-west-1.rds.amazonaws.com:5432",
  )
  .optional();

export const statementTimeout = milliseconds.default(30_000);

/**
 * Whether views are read to sample them. Reading a view runs its query, which can cost far more
 * than the rows it returns (a correlated subquery scans its table once a row; an aggregate reads
 * whole tables). `auto` asks the planner first and reads only views it estimates as cheap.
 */
export const sampleViews = z.enum(["auto", "always", "never"]).default("auto");
export type SampleViews = z.infer<typeof sampleViews>;
