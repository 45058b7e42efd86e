import { z } from "zod";
import { awsSourceKeys, commonSourceKeys, glob } from "../shared/config-keys.js";

/** The AWS Glue Data Catalog (also what Athena, EMR and Redshift Spectrum read). */
export const glueSourceSchema = z
  .object({
    ...commonSourceKeys,
    ...awsSourceKeys,
    type: z.literal("glue"),
    /** The catalog's account id; the caller's own account by default. */
    catalog_id: z
      .string()
      .regex(/^\d{12}$/, "must be a 12-digit AWS account id")
      .optional(),
    /** Globs over database names; every database when absent. */
    databases: z.array(glob).min(1).optional(),
    /**
     * Read `GetColumnStatisticsForTable` (one call per 100 columns of each table) for free profile
     * figures: null rates, distinct counts, average lengths.
     */
    column_statistics: z.boolean().default(true),
  })
  .strict();

export type GlueSourceConfig = z.infer<typeof glueSourceSchema>;
