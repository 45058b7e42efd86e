import { z } from "zod";
import { connectionUrl } from "../shared/config-connection-url.js";
import {
  milliseconds,
  resourceHost,
  sampleViews,
  sqlSourceKeys,
  statementTimeout,
} from "../shared/config-keys.js";

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

export type PostgresSourceConfig = z.infer<typeof postgresSourceSchema>;
