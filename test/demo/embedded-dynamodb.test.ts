import {
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ListTagsOfResourceCommand,
  ScanCommand,
} from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { describe, expect, it } from "vitest";
import { startEmbeddedDynamo, type EmbeddedDynamo } from "../../src/demo/embedded-dynamodb.js";
import { demoDynamoTables, seedDemoDynamo } from "../../src/demo/seed/dynamodb-seed.js";

function clientOf(engine: EmbeddedDynamo): DynamoDBClient {
  return new DynamoDBClient({
    endpoint: engine.endpoint,
    region: engine.region,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  });
}

async function scanAll(client: DynamoDBClient, table: string): Promise<Record<string, unknown>[]> {
  const output = await client.send(new ScanCommand({ TableName: table }));
  return (output.Items ?? [])
    .map((item) => unmarshall(item))
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

/** A seeded engine's tables, descriptions (without creation times) and items. */
async function snapshot(): Promise<unknown> {
  const engine = await startEmbeddedDynamo();
  const client = clientOf(engine);
  try {
    await seedDemoDynamo(engine.endpoint, engine.region);
    const tables = (await client.send(new ListTablesCommand({}))).TableNames ?? [];
    const result: Record<string, unknown> = {};
    for (const table of tables) {
      const description = (await client.send(new DescribeTableCommand({ TableName: table }))).Table;
      const tags = await client.send(
        new ListTagsOfResourceCommand({ ResourceArn: description?.TableArn }),
      );
      result[table] = {
        arn: description?.TableArn,
        itemCount: description?.ItemCount,
        sizeBytes: description?.TableSizeBytes,
        tags: tags.Tags,
        items: await scanAll(client, table),
      };
    }
    return result;
  } finally {
    client.destroy();
    await engine.stop();
  }
}

describe("the demo's embedded DynamoDB", () => {
  it("seeds order_events and the single-table commerce_app with synthetic items", async () => {
    const seeded = (await snapshot()) as Record<
      string,
      { arn: string; items: Record<string, unknown>[] }
    >;
    expect(Object.keys(seeded)).toEqual([...demoDynamoTables]);
    const events = seeded.order_events?.items ?? [];
    expect(seeded.order_events?.arn).toBe(
      "arn:aws:dynamodb:eu-west-1:000000000000:table/order_events",
    );
    expect(new Set(events.map((item) => item.event_type))).toEqual(
      new Set([
        "created",
        "payment_completed",
        "shipment_initiated",
        "delivered",
        "cancellation_requested",
        "refund_completed",
      ]),
    );
    expect(events.some((item) => Array.isArray(item.lines))).toBe(true);
    expect(events.every((item) => typeof item.expires_at === "number")).toBe(true);
    const app = seeded.commerce_app?.items ?? [];
    const prefixes = new Set(
      app.map(
        (item) => `${String(item.pk).split("#")[0] ?? ""}/${String(item.sk).split("#")[0] ?? ""}`,
      ),
    );
    expect(prefixes).toEqual(new Set(["CUSTOMER/PROFILE", "CUSTOMER/ORDER", "PRODUCT/DETAILS"]));
    // Only reserved example addresses: no real person's email.
    const emails = app.map((item) => item.email).filter((email) => email !== undefined);
    expect(emails.length).toBeGreaterThan(0);
    for (const email of emails) expect(email).toMatch(/^customer\d{3}@example\.com$/);
  });

  it("is identical from run to run, whatever AWS_REGION the shell has", async () => {
    const first = await snapshot();
    const saved = process.env.AWS_REGION;
    process.env.AWS_REGION = "ap-south-1";
    try {
      expect(await snapshot()).toEqual(first);
    } finally {
      if (saved === undefined) delete process.env.AWS_REGION;
      else process.env.AWS_REGION = saved;
    }
    expect(process.env.AWS_REGION).toBe(saved);
  });

  it("stops, closing its port, and may be stopped twice", async () => {
    const engine = await startEmbeddedDynamo();
    await engine.stop();
    await engine.stop();
    const client = clientOf(engine);
    await expect(client.send(new ListTablesCommand({}))).rejects.toThrow();
    client.destroy();
  }, 30_000);
});
