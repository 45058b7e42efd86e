import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { DynamodbSourceConfig } from "./config-schema.js";
import { awsClientOptions, type WithRegion } from "../shared/aws-client-options.js";

export function createDynamoClient(
  config: DynamodbSourceConfig,
  env: NodeJS.ProcessEnv = process.env,
): DynamoDBClient {
  return new DynamoDBClient(awsClientOptions(config, env));
}

/** Where the source is, for messages: the endpoint's origin (never its user info) or the region. */
export function describeTarget(config: WithRegion<DynamodbSourceConfig>): string {
  if (config.endpoint === undefined) return `DynamoDB in ${config.region}`;
  return `DynamoDB at ${new URL(config.endpoint).origin} (region ${config.region})`;
}
