import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  adminClient,
  createTable,
  extract,
  putItems,
  readSample,
  simpleTable,
  sourceConfig,
  startEmbeddedDynamo,
  testContext,
  type EmbeddedDynamo,
} from "./support.js";
import { startThrottlingProxy } from "./throttling-proxy.js";

let engine: EmbeddedDynamo;
let client: DynamoDBClient;

beforeAll(async () => {
  engine = await startEmbeddedDynamo();
  client = adminClient(engine);
  await createTable(client, simpleTable("orders"));
  await createTable(client, simpleTable("payments"));
  await putItems(client, "orders", [{ pk: "o1" }, { pk: "o2" }]);
});

afterAll(async () => {
  client.destroy();
  await engine.stop();
});

// aws-sdk-client-mock replaces `send`, so the SDK's retry middleware never runs under it (a
// mocked throttling error fails at once); this test goes through a real HTTP proxy instead.
// Each throttled call waits the SDK's backoff (a 500 ms base for throttling), so it is slow-ish.
describe("throttling (the SDK's adaptive retries, through a throttling proxy)", () => {
  it("retries ProvisionedThroughputExceededException and ThrottlingException, then succeeds", async () => {
    const proxy = await startThrottlingProxy(engine.endpoint, {
      ListTables: { times: 1, error: "ThrottlingException" },
      DescribeTable: { times: 1, error: "ProvisionedThroughputExceededException" },
      Scan: { times: 1, error: "ProvisionedThroughputExceededException" },
    });
    try {
      const config = sourceConfig({ endpoint: proxy.endpoint, region: engine.region });
      const { extraction, datasets, failures } = await extract(config, testContext());
      expect(failures).toEqual([]);
      expect(datasets.map((dataset) => dataset.ref.name)).toEqual(["orders", "payments"]);
      expect(proxy.seen.get("ListTables")).toBe(2);
      expect(proxy.seen.get("DescribeTable")).toBe(3);
      // Retries are not extra catalog calls: one ListTables page and four calls per table.
      expect(extraction.requestCount()).toBe(1 + 2 * 4);
      const orders = datasets[0];
      if (!orders) throw new Error("no dataset");
      const { records, outcome } = await readSample(extraction, orders, 100);
      expect(outcome.status).toBe("read");
      expect(records.map((record) => record.pk)).toEqual(["o1", "o2"]);
      // Four segments, one of them throttled once.
      expect(proxy.seen.get("Scan")).toBe(5);
    } finally {
      await proxy.stop();
    }
  }, 60_000);
});
