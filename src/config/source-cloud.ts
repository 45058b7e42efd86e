import type { SourceConfig } from "./schema.js";

/**
 * The cloud a source runs in, when okf can know it: `defaults.cloud` when the config says so,
 * else `aws` for AWS's own services (DynamoDB, Glue, the RDS Data API, unless pointed at a local
 * engine) and for hosts under amazonaws.com (an RDS or Aurora endpoint, Redshift, DocumentDB).
 * A database at 127.0.0.1 or on any other host gets none: okf cannot tell where it runs, nor
 * where the system behind an external source does.
 */
export function knownCloud(
  source: SourceConfig,
  configured: string | undefined,
): string | undefined {
  if (configured !== undefined) return configured;
  if (source.type === "external") return undefined;
  const host = sourceHost(source);
  if (host === undefined) return "aws";
  return isAwsHost(host) ? "aws" : undefined;
}

/** The host okf reaches (or names in resources); undefined for AWS's own endpoints. */
function sourceHost(source: Exclude<SourceConfig, { type: "external" }>): string | undefined {
  switch (source.type) {
    case "dynamodb":
    case "glue":
    case "rds-data":
      return source.endpoint === undefined ? undefined : hostOf(source.endpoint);
    case "postgres":
    case "mysql":
    case "redshift":
      return source.resource_host?.replace(/:\d+$/, "") ?? hostOf(source.connection);
    case "documentdb":
      return hostOf(source.connection);
  }
}

function hostOf(url: string): string {
  try {
    // mongodb+srv and multi-host URLs: the first host is enough to tell AWS from elsewhere.
    const authority = url.slice(url.indexOf("://") + 3).split(/[/?#]/, 1)[0] ?? "";
    const hosts = authority.slice(authority.lastIndexOf("@") + 1);
    return new URL(`http://${hosts.split(",")[0] ?? ""}`).hostname;
  } catch {
    return "";
  }
}

function isAwsHost(host: string): boolean {
  return /(^|\.)amazonaws\.com(\.cn)?\.?$/i.test(host);
}
