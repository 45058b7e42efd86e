import { z } from "zod";

/** A source name becomes the first path segment of the bundle, so it must already be a slug. */
const sourceName = z
  .string()
  .regex(
    /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/,
    "must start with a letter, digit or _ and use only letters, digits, _ . -",
  )
  .refine((name) => !name.includes(".."), "must not contain '..'");

export const globList = z.array(z.string().min(1)).default([]);

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

/** Keys of sources reached through the AWS SDK. */
export const awsSourceKeys = {
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, "must be an AWS region, e.g. eu-west-1"),
  /** A local engine or a VPC endpoint; AWS's own endpoint by default. */
  endpoint: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  /**
   * A named profile of the shared AWS config files. DESIGN §2 calls it `profile:`, but that key
   * already holds the sampling options of every source.
   */
  aws_profile: z.string().min(1).optional(),
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

export const statementTimeout = z.number().int().positive().default(30_000);
