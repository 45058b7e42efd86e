import { z } from "zod";
import { connectionUrl } from "../shared/config-connection-url.js";
import type { SourceConfigRules } from "../shared/config-rules.js";
import { resourceHost, sqlSourceKeys, statementTimeout } from "../shared/config-keys.js";

/** Amazon Redshift (provisioned or Serverless) over the PostgreSQL wire protocol. */
export const redshiftSourceSchema = z
  .object({
    ...sqlSourceKeys,
    type: z.literal("redshift"),
    /**
     * `postgresql://user:password@cluster.xxxx.eu-west-1.redshift.amazonaws.com:5439/dev`
     * (`redshift://` works too; the port defaults to Redshift's 5439).
     */
    connection: connectionUrl(
      ["postgres", "postgresql", "redshift"],
      "postgresql://user:password@cluster.example.eu-west-1.redshift.amazonaws.com:5439/dev",
    ),
    /** host[:port] (port default 5439) written into `resource` URIs instead of the connection's. */
    resource_host: resourceHost,
    /** Also bounds time queued in WLM, and the connection attempt (at most 30 s). */
    statement_timeout_ms: statementTimeout,
    /** The `glue` source of this config whose concepts external (Spectrum) tables link to. */
    glue_source: z.string().min(1).optional(),
  })
  .strict();

export type RedshiftSourceConfig = z.infer<typeof redshiftSourceSchema>;

export const redshiftConfigRules: SourceConfigRules<RedshiftSourceConfig> = {
  checkAmong(source, sources) {
    if (source.glue_source === undefined) return [];
    const glue = sources.find((other) => other.name === source.glue_source);
    if (glue?.type === "glue") return [];
    return [
      {
        path: ["glue_source"],
        message: `"${source.glue_source}" is not the name of a glue source in this config`,
      },
    ];
  },
};
