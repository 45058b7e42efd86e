import { DynamoDBClient, type CreateTableCommandInput } from "@aws-sdk/client-dynamodb";
import type { ExtractContext } from "../../../extractors/extractor.js";
import { dynamodbExtractor } from "../../../extractors/dynamodb/dynamodb-extractor.js";
import {
  dynamodbSourceSchema,
  type DynamodbSourceConfig,
} from "../../../extractors/dynamodb/config-schema.js";
import type { Dataset } from "../../../src/model/index.js";
import { startEmbeddedDynamo, type EmbeddedDynamo } from "../../../src/demo/embedded-dynamodb.js";
import {
  extractDatasets,
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

export { recordingContext as testContext };

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

/** Every record of a dataset's sample, and its description once read. */
export async function readSample(
  dataset: Dataset,
  limit: number,
): Promise<{
  records: Record<string, unknown>[];
  method: string;
  nativeType?: (value: unknown) => string;
}> {
  if (!dataset.sample) throw new Error(`${dataset.ref.name} has no sampler`);
  const sample = dataset.sample(limit);
  const records: Record<string, unknown>[] = [];
  for await (const record of sample) records.push(record);
  return { records, method: sample.describe(), nativeType: sample.nativeType?.bind(sample) };
}
