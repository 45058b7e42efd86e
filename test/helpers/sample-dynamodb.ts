import { dynamodbVocabulary } from "../../extractors/dynamodb/dynamodb-extractor.js";
import type { EnrichedDataset } from "../../src/model/index.js";
import { sampledField } from "./field-profile.js";
import { newDataset } from "../../src/model/new-dataset.js";
import type { RenderInput } from "../../src/render/render-input.js";

/** A hand-built order_events table, shaped like what the DynamoDB extractor and profiler yield. */
export function sampleOrderEvents(): EnrichedDataset {
  return {
    ...newDataset({
      ref: { name: "order_events" },
      kind: "nosql_table",
      objectType: "table",
      resource: "arn:aws:dynamodb:eu-west-1:123456789012:table/order_events",
      fields: [
        { name: "order_id", path: "order_id", position: 1, type: "S" },
        { name: "event_timestamp", path: "event_timestamp", position: 2, type: "S" },
        { name: "event_type", path: "event_type", position: 3, type: "S" },
      ],
      stats: { rowEstimate: 48_000_000, sizeBytes: 21_000_000_000, source: "DescribeTable" },
      keyValue: {
        partitionKey: { name: "order_id", type: "S" },
        sortKey: { name: "event_timestamp", type: "S" },
        indexes: [
          {
            kind: "global",
            name: "by_event_type",
            partitionKey: { name: "event_type", type: "S" },
            sortKey: { name: "event_timestamp", type: "S" },
            projection: "ALL",
            status: "ACTIVE",
          },
        ],
        billingMode: "PAY_PER_REQUEST",
        stream: { enabled: true, viewType: "NEW_IMAGE" },
        ttlAttribute: "expires_at",
        tableClass: "STANDARD",
        encryption: "an AWS owned key",
        pointInTimeRecovery: true,
      },
    }),
    findings: [],
    profile: {
      sampling: {
        status: "read",
        method: "a parallel Scan of 4 segments (page limit 250), capped at 1,000 items",
      },
      sampled: 1000,
      fields: [
        sampledField("order_id", 1000, { S: 1000 }),
        sampledField("event_timestamp", 1000, { S: 1000 }, { shapes: { iso_datetime: 1000 } }),
        sampledField(
          "event_type",
          1000,
          { S: 1000 },
          { distinct: 3, values: ["created", "delivered", "payment_completed"] },
        ),
        sampledField("amount", 612, { N: 612 }),
        sampledField("lines", 388, { L: 388 }),
        sampledField("lines[].sku", 388, { S: 388 }),
        sampledField("expires_at", 1000, { N: 1000 }),
        sampledField("debug_note", 3, { S: 3 }),
      ],
      variants: [
        {
          name: "ORDER / EVENT",
          rule: 'partition key prefix "ORDER#", sort key prefix "EVENT#"',
          count: 990,
          fields: [sampledField("order_id", 990, { S: 990 })],
        },
      ],
    },
  };
}

export function sampleDynamoRenderInput(dataset: EnrichedDataset): RenderInput {
  return {
    dataset,
    source: {
      name: "orders",
      system: "dynamodb",
      domain: "commerce",
      cloud: "aws",
      resource: "arn:aws:dynamodb:eu-west-1:123456789012:table/*",
      vocabulary: dynamodbVocabulary,
    },
    path: "orders/order_events.md",
    id: "commerce.orders.order_events",
    pathOf: () => undefined,
    descriptions: new Map(),
    decisions: new Map(),
  };
}
