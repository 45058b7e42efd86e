import { MongoClient, type MongoClientOptions } from "mongodb";
import type { DocumentdbSourceConfig } from "./config-schema.js";
import { registerSecret } from "../../src/secrets.js";

/** Every command okf sends: catalog reads and one bounded `$sample` per collection. */
export function clientOptions(config: DocumentdbSourceConfig): MongoClientOptions {
  return {
    readPreference: config.read_preference,
    retryWrites: config.retry_writes,
    serverSelectionTimeoutMS: config.server_selection_timeout_ms,
    // Amazon DocumentDB presents certificates signed by its own CA; its bundle is a file.
    ...(config.tls_ca_file === undefined ? {} : { tls: true, tlsCAFile: config.tls_ca_file }),
    appName: "okf",
  };
}

export function createMongoClient(config: DocumentdbSourceConfig): MongoClient {
  registerSecret(config.connection);
  return new MongoClient(config.connection, clientOptions(config));
}

/**
 * `mongodb://host:port` (or `mongodb+srv://host`) of the connection, without user, password,
 * database or options: safe for frontmatter and messages.
 */
export function sourceResource(connection: string): string {
  const match = /^(mongodb(?:\+srv)?):\/\/(?:[^@/]*@)?([^/?#]*)/i.exec(connection);
  if (!match) return "mongodb://unknown";
  return `${match[1]?.toLowerCase() ?? "mongodb"}://${match[2] ?? ""}`;
}

/** The resource URI of one collection or view. */
export function collectionResource(source: string, database: string, collection: string): string {
  return `${source}/${encodeURIComponent(database)}/${encodeURIComponent(collection)}`;
}
