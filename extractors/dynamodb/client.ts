import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { fromNodeProviderChain } from "@aws-sdk/credential-providers";
import type { DynamodbSourceConfig } from "../../src/config/schema.js";

/** Throttled calls are retried with the SDK's adaptive mode (client-side rate limiting). */
const maxAttempts = 8;

/**
 * Local engines (dynalite, DynamoDB Local) accept any signature, but the SDK refuses to send an
 * unsigned request. These are not secrets: they only ever sign requests to such an endpoint.
 */
const localEngineCredentials = { accessKeyId: "okf-local", secretAccessKey: "okf-local" };

/** AWS's own hosts, including VPC interface endpoints (`vpce-….dynamodb.….vpce.amazonaws.com`). */
function isAwsHost(endpoint: string): boolean {
  const host = new URL(endpoint).hostname.toLowerCase();
  return /(^|\.)amazonaws\.com(\.cn)?$/.test(host) || /(^|\.)api\.aws$/.test(host);
}

/**
 * Credentials: the SDK's default chain (environment, shared profiles, SSO, instance and task
 * roles), with `aws_profile` when set. A non-AWS `endpoint` with no credentials in the
 * environment gets fixed local-engine credentials instead, so that `okf demo` and DynamoDB Local
 * work without an AWS account and without the chain's slow instance-metadata probe.
 */
function credentialsFor(config: DynamodbSourceConfig, env: NodeJS.ProcessEnv) {
  if (config.aws_profile !== undefined)
    return fromNodeProviderChain({ profile: config.aws_profile });
  const local = config.endpoint !== undefined && !isAwsHost(config.endpoint);
  const fromEnvironment = env.AWS_ACCESS_KEY_ID !== undefined || env.AWS_PROFILE !== undefined;
  if (local && !fromEnvironment) return localEngineCredentials;
  return undefined;
}

export function createDynamoClient(
  config: DynamodbSourceConfig,
  env: NodeJS.ProcessEnv = process.env,
): DynamoDBClient {
  return new DynamoDBClient({
    region: config.region,
    endpoint: config.endpoint,
    credentials: credentialsFor(config, env),
    retryMode: "adaptive",
    maxAttempts,
  });
}

/** Where the source is, for messages: the endpoint's origin (never its user info) or the region. */
export function describeTarget(config: DynamodbSourceConfig): string {
  if (config.endpoint === undefined) return `DynamoDB in ${config.region}`;
  return `DynamoDB at ${new URL(config.endpoint).origin} (region ${config.region})`;
}
