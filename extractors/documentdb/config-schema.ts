import { z } from "zod";
import { connectionUrl } from "../shared/config-connection-url.js";
import type { SourceConfigRules } from "../shared/config-rules.js";
import { commonSourceKeys, milliseconds } from "../shared/config-keys.js";

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

export type DocumentdbSourceConfig = z.infer<typeof documentdbSourceSchema>;

export const documentdbConfigRules: SourceConfigRules<DocumentdbSourceConfig> = {
  resolvePaths: (source, resolvePath) =>
    source.tls_ca_file === undefined
      ? source
      : { ...source, tls_ca_file: resolvePath(source.tls_ca_file) },
};
