import { z } from "zod";
import {
  awsSourceKeys,
  milliseconds,
  resourceHost,
  sampleViews,
  sqlSourceKeys,
  statementTimeout,
} from "../shared/config-keys.js";

const clusterArn = /^arn:aws[\w-]*:rds:([a-z0-9-]+):\d{12}:cluster:.+$/;

/** Aurora (PostgreSQL or MySQL) through the RDS Data API: no network path to the cluster needed. */
export const rdsDataSourceSchema = z
  .object({
    ...sqlSourceKeys,
    ...awsSourceKeys,
    type: z.literal("rds-data"),
    /** The Aurora cluster's ARN. */
    resource_arn: z.string().regex(clusterArn, "must be an Aurora cluster ARN"),
    /** The Secrets Manager secret holding the database credentials. */
    secret_arn: z
      .string()
      .regex(
        /^arn:aws[\w-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:.+$/,
        "must be a Secrets Manager secret ARN",
      ),
    database: z.string().min(1),
    engine: z.enum(["postgres", "mysql"]),
    resource_host: resourceHost,
    statement_timeout_ms: statementTimeout,
    /** PostgreSQL only: how long a catalog query may wait for a lock. */
    lock_timeout_ms: milliseconds.default(5_000),
    /** Read views to sample them: when the planner estimates them cheap (auto), always, never. */
    sample_views: sampleViews,
  })
  .strict()
  .superRefine((source, context) => {
    // The Data API is called in `region` (the ARN's when absent); a cluster elsewhere would be
    // "not found".
    const arnRegion = clusterArn.exec(source.resource_arn)?.[1];
    if (source.region !== undefined && arnRegion !== undefined && arnRegion !== source.region) {
      context.addIssue({
        code: "custom",
        path: ["region"],
        message: `must be the cluster's region (${arnRegion}, from resource_arn)`,
      });
    }
  });

export type RdsDataSourceConfig = z.infer<typeof rdsDataSourceSchema>;
