import { DynamoDBClient, type CreateTableCommandInput } from "@aws-sdk/client-dynamodb";
import type { DemoTableSettings } from "../dynamo-feature-shim.js";
import { createTable, putItems } from "./dynamo-writes.js";
import { commerceAppItems, orderEventItems } from "./dynamodb-items.js";

/** The seed article's order history: one partition per order, events in time order. */
const orderEventsTable: CreateTableCommandInput = {
  TableName: "order_events",
  BillingMode: "PAY_PER_REQUEST",
  AttributeDefinitions: [
    { AttributeName: "order_id", AttributeType: "S" },
    { AttributeName: "event_timestamp", AttributeType: "S" },
    { AttributeName: "event_type", AttributeType: "S" },
  ],
  KeySchema: [
    { AttributeName: "order_id", KeyType: "HASH" },
    { AttributeName: "event_timestamp", KeyType: "RANGE" },
  ],
  GlobalSecondaryIndexes: [
    {
      IndexName: "by_event_type",
      KeySchema: [
        { AttributeName: "event_type", KeyType: "HASH" },
        { AttributeName: "event_timestamp", KeyType: "RANGE" },
      ],
      Projection: { ProjectionType: "ALL" },
    },
  ],
  Tags: [
    { Key: "team", Value: "commerce-platform" },
    { Key: "data-classification", Value: "internal" },
  ],
};

/** A single-table design: customers, their orders and the product catalogue share one table. */
const commerceAppTable: CreateTableCommandInput = {
  TableName: "commerce_app",
  BillingMode: "PROVISIONED",
  ProvisionedThroughput: { ReadCapacityUnits: 25, WriteCapacityUnits: 10 },
  AttributeDefinitions: [
    { AttributeName: "pk", AttributeType: "S" },
    { AttributeName: "sk", AttributeType: "S" },
    { AttributeName: "gsi1pk", AttributeType: "S" },
    { AttributeName: "gsi1sk", AttributeType: "S" },
  ],
  KeySchema: [
    { AttributeName: "pk", KeyType: "HASH" },
    { AttributeName: "sk", KeyType: "RANGE" },
  ],
  GlobalSecondaryIndexes: [
    {
      IndexName: "gsi1",
      KeySchema: [
        { AttributeName: "gsi1pk", KeyType: "HASH" },
        { AttributeName: "gsi1sk", KeyType: "RANGE" },
      ],
      Projection: { ProjectionType: "INCLUDE", NonKeyAttributes: ["entity_type", "status"] },
      ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 5 },
    },
  ],
  Tags: [{ Key: "team", Value: "storefront" }],
};

/** The tables `okf demo` creates in its embedded DynamoDB. */
export const demoDynamoTables = ["commerce_app", "order_events"] as const;

/** What the demo's DynamoDB reports beyond dynalite: TTL, point-in-time recovery, streams. */
export const demoDynamoFeatures: Record<(typeof demoDynamoTables)[number], DemoTableSettings> = {
  order_events: {
    ttlAttribute: "expires_at",
    pointInTimeRecovery: true,
    streamViewType: "NEW_IMAGE",
  },
  commerce_app: { pointInTimeRecovery: false },
};

async function createAndFill(
  client: DynamoDBClient,
  table: CreateTableCommandInput,
  items: readonly Record<string, unknown>[],
): Promise<void> {
  await createTable(client, table);
  await putItems(client, table.TableName ?? "", items);
}

/**
 * Creates and fills the demo's DynamoDB tables in an empty engine (dynalite). Synthetic,
 * deterministic data: no real people, fixed timestamps, `example.com` addresses only.
 */
export async function seedDemoDynamo(endpoint: string, region: string): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region,
    credentials: { accessKeyId: "okf-demo", secretAccessKey: "okf-demo" },
  });
  try {
    await createAndFill(client, orderEventsTable, orderEventItems());
    await createAndFill(client, commerceAppTable, commerceAppItems());
  } finally {
    client.destroy();
  }
}
