import { configRulesFor } from "../../extractors/config-schemas.js";
import type { SourceConfig } from "./schema.js";

/**
 * The cloud a source runs in, when okf can know it: `defaults.cloud` when the config says so,
 * else `aws` for AWS's own services (DynamoDB, Glue, the RDS Data API, unless pointed at a local
 * engine) and for hosts under amazonaws.com (an RDS or Aurora endpoint, Redshift, DocumentDB).
 * A database at 127.0.0.1 or on any other host gets none: okf cannot tell where it runs; nor
 * for a type whose config rules say so (an external source).
 */
export function knownCloud(
  source: SourceConfig,
  configured: string | undefined,
): string | undefined {
  if (configured !== undefined) return configured;
  const rules = configRulesFor(source);
  if (rules.cloud) return rules.cloud(source);
  const host = sourceHost(source);
  if (host === undefined) return "aws";
  return isAwsHost(host) ? "aws" : undefined;
}

/**
 * The host okf reaches (or names in resources); undefined for AWS's own endpoints. Told by the
 * keys of extractors/shared/config-keys.ts, not by the type: a source with a `connection` URL
 * (and maybe a `resource_host`) is reached there; any other one through the AWS SDK, at its
 * `endpoint` when it has one.
 */
function sourceHost(source: SourceConfig): string | undefined {
  if ("connection" in source) {
    const resourceHost = "resource_host" in source ? source.resource_host : undefined;
    return resourceHost?.replace(/:\d+$/, "") ?? hostOf(source.connection);
  }
  return "endpoint" in source && source.endpoint !== undefined
    ? hostOf(source.endpoint)
    : undefined;
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
