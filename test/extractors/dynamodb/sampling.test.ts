import {
  DynamoDBClient,
  PutItemCommand,
  ScanCommand,
  type ScanCommandInput,
} from "@aws-sdk/client-dynamodb";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { SourceExtraction } from "../../../extractors/extractor.js";
import type { Dataset } from "../../../src/model/index.js";
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

let engine: EmbeddedDynamo;
let client: DynamoDBClient;

const bigItems = Array.from({ length: 600 }, (_, index) => ({
  pk: `P#${String(index % 50).padStart(2, "0")}`,
  seq: index,
  note: `item ${String(index)}`,
}));

beforeAll(async () => {
  engine = await startEmbeddedDynamo();
  client = adminClient(engine);
  await createTable(client, simpleTable("big_table", { name: "seq", type: "N" }));
  await putItems(client, "big_table", bigItems);
  await createTable(client, simpleTable("small_table"));
  await putItems(
    client,
    "small_table",
    ["a", "b", "c", "d", "e"].map((pk) => ({ pk })),
  );
  await createTable(client, simpleTable("thirty"));
  await putItems(
    client,
    "thirty",
    Array.from({ length: 30 }, (_, i) => ({ pk: `k${String(i)}` })),
  );
  await createTable(client, simpleTable("shapes"));
  await client.send(
    new PutItemCommand({
      TableName: "shapes",
      Item: {
        pk: { S: "CUSTOMER#1" },
        address: { M: { city: { S: "Lyon" }, geo: { M: { lat: { N: "45.76" } } } } },
        lines: {
          L: [{ M: { sku: { S: "SKU-1" }, qty: { N: "2" } } }, { M: { sku: { S: "SKU-2" } } }],
        },
        labels: { SS: ["gold", "early"] },
        scores: { NS: ["1", "2.5"] },
        blobs: { BS: [new Uint8Array([1, 2])] },
        avatar: { B: new Uint8Array([137, 80, 78, 71]) },
        active: { BOOL: true },
        deleted_at: { NULL: true },
        big_id: { N: "12345678901234567890" },
        precise: { N: "3.14159265358979323846" },
        price: { N: "12.50" },
      },
    }),
  );
});

afterAll(async () => {
  client.destroy();
  await engine.stop();
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function tableDataset(
  name: string,
  sampleItems?: number,
): Promise<{ extraction: SourceExtraction; dataset: Dataset }> {
  const profile = sampleItems === undefined ? {} : { profile: { sample_items: sampleItems } };
  const { extraction, datasets } = await extract(
    sourceConfig(engine, { include: [name], ...profile }),
  );
  const dataset = datasets[0];
  if (!dataset) throw new Error(`no dataset ${name}`);
  return { extraction, dataset };
}

/** Scan requests the extractor sends while `read` runs (the real client, spied on). */
async function scansDuring<T>(
  read: () => Promise<T>,
): Promise<{ result: T; scans: ScanCommandInput[] }> {
  const send = vi.spyOn(DynamoDBClient.prototype, "send");
  const result = await read();
  const scans = send.mock.calls
    .map(([command]) => command)
    .filter((command) => command instanceof ScanCommand)
    .map((command) => command.input);
  return { result, scans };
}

describe("sampling DynamoDB items with a parallel Scan", () => {
  it("reads no more than profile.sample_items, over 4 segments with a page limit", async () => {
    const { extraction, dataset } = await tableDataset("big_table", 100);
    const { result, scans } = await scansDuring(() => readSample(extraction, dataset, 10_000));
    expect(result.records).toHaveLength(100);
    expect(result.method).toBe(
      "a parallel Scan of 4 segments (page limit 25), capped at 100 items",
    );
    expect(new Set(scans.map((scan) => scan.Segment))).toEqual(new Set([0, 1, 2, 3]));
    for (const scan of scans) {
      expect(scan).toMatchObject({
        TableName: "big_table",
        TotalSegments: 4,
        ConsistentRead: false,
      });
      expect(scan.Limit).toBeLessThanOrEqual(25);
    }
    // Page limits never add up to more than the cap: nothing beyond it is read.
    expect(scans.reduce((sum, scan) => sum + (scan.Limit ?? 0), 0)).toBeLessThanOrEqual(100);
  });

  it("also stops at the profiler's own limit when that is lower", async () => {
    const { extraction, dataset } = await tableDataset("big_table");
    const { records, method } = await readSample(extraction, dataset, 40);
    expect(records).toHaveLength(40);
    expect(method).toBe("a parallel Scan of 4 segments (page limit 10), capped at 40 items");
  });

  it("defaults to 1,000 items", async () => {
    const { extraction, dataset } = await tableDataset("small_table");
    const { method } = await readSample(extraction, dataset, 10_000);
    expect(method).toBe("a parallel Scan of 4 segments (page limit 250), capped at 1,000 items");
  });

  it("ends a small table after one page per segment", async () => {
    const { extraction, dataset } = await tableDataset("small_table");
    const { result, scans } = await scansDuring(() => readSample(extraction, dataset, 10_000));
    expect(result.records.map((record) => record.pk)).toEqual(["a", "b", "c", "d", "e"]);
    expect(scans).toHaveLength(4);
  });

  it("passes an exhausted segment's share to the others, so the cap is reached", async () => {
    const { extraction, dataset } = await tableDataset("thirty", 28);
    const { records } = await readSample(extraction, dataset, 10_000);
    expect(records).toHaveLength(28);
    expect(new Set(records.map((record) => record.pk)).size).toBe(28);
  });

  it("reads a whole table below the cap, each item once", async () => {
    const { extraction, dataset } = await tableDataset("big_table");
    const { records } = await readSample(extraction, dataset, 10_000);
    expect(records).toHaveLength(600);
    expect(new Set(records.map((record) => record.note)).size).toBe(600);
  });

  it("yields items in key order (numbers as numbers), the same on every read", async () => {
    const { extraction, dataset } = await tableDataset("big_table", 200);
    const first = await readSample(extraction, dataset, 10_000);
    const second = await readSample(extraction, dataset, 10_000);
    expect(second.records).toEqual(first.records);
    const keys = first.records.map((record) => [String(record.pk), Number(record.seq)] as const);
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    expect(keys).toEqual(sorted);
    // seq 50 sorts after seq 0 and before seq 100 within P#00: numeric, not textual, order.
    const p00 = keys.filter(([pk]) => pk === "P#00").map(([, seq]) => seq);
    expect(p00).toEqual([...p00].sort((a, b) => a - b));
  });

  it("decodes nested maps, lists, sets and every scalar type, naming each DynamoDB type", async () => {
    const { extraction, dataset } = await tableDataset("shapes");
    const { records, nativeType } = await readSample(extraction, dataset, 10);
    const item = records[0] ?? {};
    expect(item.address).toEqual({ city: "Lyon", geo: { lat: 45.76 } });
    expect(item.lines).toEqual([{ sku: "SKU-1", qty: 2 }, { sku: "SKU-2" }]);
    expect(item.labels).toEqual(new Set(["early", "gold"]));
    expect(item.scores).toEqual(new Set([1, 2.5]));
    expect(item.active).toBe(true);
    expect(item.deleted_at).toBeNull();
    expect(item.price).toBe(12.5);
    // Numbers a double cannot hold exactly keep every digit.
    expect(item.big_id).toBe(12345678901234567890n);
    expect(item.precise).toBe("3.14159265358979323846");
    const types = Object.fromEntries(
      Object.entries(item).map(([name, value]) => [name, nativeType?.(value)]),
    );
    expect(types).toEqual({
      pk: "S",
      address: "M",
      lines: "L",
      labels: "SS",
      scores: "NS",
      blobs: "BS",
      avatar: "B",
      active: "BOOL",
      deleted_at: "NULL",
      big_id: "N",
      precise: "N",
      price: "N",
    });
  });

  it("sends no Scan with --no-profile: the extraction has no sampler", async () => {
    const { extraction, datasets } = await extract(
      sourceConfig(engine, { include: ["small_table"] }),
      testContext({ profile: false }),
    );
    const dataset = datasets[0];
    if (!dataset) throw new Error("no dataset small_table");
    expect(extraction.sample?.(dataset, 10_000)).toBeUndefined();
  });
});
