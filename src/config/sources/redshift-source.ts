import { z } from "zod";
import { commonSourceKeys, resourceHost, statementTimeout } from "../source-keys.js";

/** Amazon Redshift (provisioned or Serverless) over the PostgreSQL wire protocol. */
export const redshiftSourceSchema = z
  .object({
    ...commonSourceKeys,
    type: z.literal("redshift"),
    /** `postgresql://user:password@cluster.xxxx.eu-west-1.redshift.amazonaws.com:5439/dev` */
    connection: z.string().min(1),
    resource_host: resourceHost,
    statement_timeout_ms: statementTimeout,
    /** The `glue` source of this config whose concepts external (Spectrum) tables link to. */
    glue_source: z.string().min(1).optional(),
  })
  .strict();
