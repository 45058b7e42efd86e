import { DynamoDBClient, type CreateTableCommandInput } from "@aws-sdk/client-dynamodb";
import type { ExtractContext } from "../../../extractors/extractor.js";
import { dynamodbExtractor } from "../../../extractors/dynamodb/dynamodb-extractor.js";
import {
  dynamodbSourceSchema,
  type DynamodbSourceConfig,
} from "../../../extractors/dynamodb/config-schema.js";
import { startEmbeddedDynamo, type EmbeddedDynamo } from "../../../src/demo/embedded-dynamodb.js";
import {
  extractDatasets,
  readSample,
  recordingContext,
  type Extracted,
} from "../../helpers/extract-datasets.js";

export type { EmbeddedDynamo };
export { startEmbeddedDynamo };
export { createTable, putItems } from "../../../src/demo/seed/dynamo-writes.js";

/** A client for setting tables up, as any SDK user would (dynalite accepts any credentials). */
export function adminClient(engine: EmbeddedDynamo): DynamoDBClient {
  return new DynamoDBClient({
    endpoint: engine.endpoint,
    region: engine.region,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  });
}

/** A source config as the loader would give it (defaults filled in by the schema). */
export function sourceConfig(
  engine: { endpoint: string; region: string } | undefined,
  extra: Record<string, unknown> = {},
): DynamodbSourceConfig {
  return dynamodbSourceSchema.parse({
    name: "orders",
    type: "dynamodb",
    region: engine?.region ?? "eu-west-1",
    ...(engine ? { endpoint: engine.endpoint } : {}),
    ...extra,
  });
}

export { readSample, recordingContext as testContext };

export function extract(
  config: DynamodbSourceConfig,
  context: ExtractContext = recordingContext(),
): Promise<Extracted> {
  return extractDatasets(dynamodbExtractor, config, context);
}

/** A table keyed by `pk` (S) and, when `sortKey` is given, a sort key of that type. */
export function simpleTable(
  name: string,
  sortKey?: { name: string; type: "S" | "N" | "B" },
): CreateTableCommandInput {
  return {
    TableName: name,
    BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: [
      { AttributeName: "pk", AttributeType: "S" },
      ...(sortKey ? [{ AttributeName: sortKey.name, AttributeType: sortKey.type }] : []),
    ],
    KeySchema: [
      { AttributeName: "pk", KeyType: "HASH" },
      ...(sortKey ? [{ AttributeName: sortKey.name, KeyType: "RANGE" as const }] : []),
    ],
  };
}
