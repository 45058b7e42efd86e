import { ConfigError } from "../../src/errors.js";

/** The parts of an Aurora cluster ARN that messages and resource URIs need. */
export interface ClusterArn {
  arn: string;
  region: string;
  /** The DB cluster identifier, e.g. `crm-prod`. */
  clusterId: string;
}

const clusterArnPattern = /^arn:aws[\w-]*:rds:([a-z0-9-]+):\d{12}:cluster:(.+)$/;

export function parseClusterArn(arn: string): ClusterArn {
  const match = clusterArnPattern.exec(arn);
  if (!match?.[1] || !match[2]) {
    throw new ConfigError(
      `resource_arn ${arn} is not an Aurora cluster ARN.`,
      "Copy the cluster ARN from the RDS console: arn:aws:rds:<region>:<account>:cluster:<id>.",
    );
  }
  return { arn, region: match[1], clusterId: match[2] };
}

function segment(name: string): string {
  const encoded = encodeURIComponent(name);
  return /^\.+$/.test(encoded) ? encoded.replaceAll(".", "%2E") : encoded;
}

/**
 * Without `resource_host` the cluster's endpoint is not known (it would take
 * rds:DescribeDBClusters), so a database is named after the cluster ARN, which identifies it
 * without credentials: `arn:aws:rds:eu-west-1:123456789012:cluster:crm-prod/crm_prod`. Tables
 * add `/<schema>/<table>` (or `/<table>` for MySQL), percent-encoded per segment like the
 * direct extractors' URIs.
 */
export function clusterDatabaseResource(cluster: ClusterArn, database: string): string {
  return `${cluster.arn}/${segment(database)}`;
}
