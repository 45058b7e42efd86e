import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../../../src/model/index.js";
import {
  adminClient,
  createTable,
  extract,
  sourceConfig,
  startEmbeddedDynamo,
  testContext,
  type EmbeddedDynamo,
} from "./support.js";

let engine: EmbeddedDynamo;
let client: DynamoDBClient;
let datasets: Dataset[];
let requestCount: number;

function byName(name: string): Dataset {
  const dataset = datasets.find((candidate) => candidate.ref.name === name);
  if (!dataset) throw new Error(`no dataset ${name}`);
  return dataset;
}

beforeAll(async () => {
  engine = await startEmbeddedDynamo();
  client = adminClient(engine);
  await createTable(client, {
    TableName: "order_events",
    BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: [
      { AttributeName: "order_id", AttributeType: "S" },
      { AttributeName: "event_timestamp", AttributeType: "S" },
      { AttributeName: "event_type", AttributeType: "S" },
      { AttributeName: "amount", AttributeType: "N" },
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
      {
        IndexName: "by_type_keys",
        KeySchema: [{ AttributeName: "event_type", KeyType: "HASH" }],
        Projection: { ProjectionType: "KEYS_ONLY" },
      },
    ],
    LocalSecondaryIndexes: [
      {
        IndexName: "by_amount",
        KeySchema: [
          { AttributeName: "order_id", KeyType: "HASH" },
          { AttributeName: "amount", KeyType: "RANGE" },
        ],
        Projection: { ProjectionType: "INCLUDE", NonKeyAttributes: ["status", "currency"] },
      },
    ],
  });
  await createTable(client, {
    TableName: "provisioned_blobs",
    AttributeDefinitions: [{ AttributeName: "blob_id", AttributeType: "B" }],
    KeySchema: [{ AttributeName: "blob_id", KeyType: "HASH" }],
    ProvisionedThroughput: { ReadCapacityUnits: 7, WriteCapacityUnits: 3 },
  });
  const run = await extract(sourceConfig(engine), testContext());
  datasets = run.datasets;
  requestCount = run.extraction.requestCount();
});

afterAll(async () => {
  client.destroy();
  await engine.stop();
});

describe("DynamoDB table facts from DescribeTable (dynalite)", () => {
  it("yields one nosql_table dataset per table, keyed by table name, with the ARN as resource", () => {
    expect(datasets.map((dataset) => dataset.ref)).toEqual([
      { name: "order_events" },
      { name: "provisioned_blobs" },
    ]);
    const events = byName("order_events");
    expect(events.kind).toBe("nosql_table");
    expect(events.objectType).toBe("table");
    expect(events.comment).toBeUndefined();
    expect(events.resource).toBe("arn:aws:dynamodb:eu-west-1:000000000000:table/order_events");
    expect(events.stats).toEqual({
      rowEstimate: 0,
      sizeBytes: 0,
      source: "DescribeTable",
      zeroCountMeans: "counted yet by DescribeTable (refreshed about every six hours)",
    });
  });

  it("reads partition and sort key with their declared types", () => {
    const facts = byName("order_events").keyValue;
    expect(facts?.partitionKey).toEqual({ name: "order_id", type: "S" });
    expect(facts?.sortKey).toEqual({ name: "event_timestamp", type: "S" });
    expect(byName("provisioned_blobs").keyValue?.partitionKey).toEqual({
      name: "blob_id",
      type: "B",
    });
    expect(byName("provisioned_blobs").keyValue?.sortKey).toBeUndefined();
  });

  it("reads every GSI and LSI with keys, projection (ALL, KEYS_ONLY, INCLUDE) and status", () => {
    expect(byName("order_events").keyValue?.indexes).toEqual([
      {
        kind: "global",
        name: "by_event_type",
        partitionKey: { name: "event_type", type: "S" },
        sortKey: { name: "event_timestamp", type: "S" },
        projection: "ALL",
        status: "ACTIVE",
      },
      {
        kind: "global",
        name: "by_type_keys",
        partitionKey: { name: "event_type", type: "S" },
        projection: "KEYS_ONLY",
        status: "ACTIVE",
      },
      {
        kind: "local",
        name: "by_amount",
        partitionKey: { name: "order_id", type: "S" },
        sortKey: { name: "amount", type: "N" },
        projection: "INCLUDE",
        projectedAttributes: ["currency", "status"],
      },
    ]);
  });

  it("lists key attributes of the table and its indexes as fields, with S/N/B types", () => {
    expect(
      byName("order_events").fields.map((field) => [field.path, field.type, field.position]),
    ).toEqual([
      ["order_id", "S", 1],
      ["event_timestamp", "S", 2],
      ["event_type", "S", 3],
      ["amount", "N", 4],
    ]);
    expect(byName("provisioned_blobs").fields.map((field) => field.type)).toEqual(["B"]);
  });

  it("reads billing mode and capacity", () => {
    const onDemand = byName("order_events").keyValue;
    expect(onDemand?.billingMode).toBe("PAY_PER_REQUEST");
    expect(onDemand?.readCapacity).toBeUndefined();
    const provisioned = byName("provisioned_blobs").keyValue;
    expect(provisioned?.billingMode).toBe("PROVISIONED");
    expect(provisioned?.readCapacity).toBe(7);
    expect(provisioned?.writeCapacity).toBe(3);
  });

  it("gives defaults where DescribeTable omits a setting, and leaves out what dynalite cannot say", () => {
    const facts = byName("order_events").keyValue;
    expect(facts?.status).toBe("ACTIVE");
    expect(facts?.tableClass).toBe("STANDARD");
    expect(facts?.encryption).toBe("an AWS owned key");
    expect(facts?.stream).toEqual({ enabled: false });
    // dynalite answers DescribeTimeToLive with DISABLED and lacks DescribeContinuousBackups.
    expect(facts?.ttlStatus).toBe("DISABLED");
    expect(facts?.ttlAttribute).toBeUndefined();
    expect(facts?.pointInTimeRecovery).toBeUndefined();
    expect(byName("order_events").tags).toEqual([]);
  });

  it("counts one ListTables page and four catalog calls per table", () => {
    expect(requestCount).toBe(1 + 2 * 4);
  });
});
