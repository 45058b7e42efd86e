import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dynamodbExtractor } from "../../../extractors/dynamodb/dynamodb-extractor.js";
import {
  adminClient,
  createTable,
  extract,
  simpleTable,
  sourceConfig,
  startEmbeddedDynamo,
  testContext,
  type EmbeddedDynamo,
} from "./support.js";

let engine: EmbeddedDynamo;
let client: DynamoDBClient;

/** 105 tables: more than one ListTables page (100 names at most). */
const names = [
  ...Array.from({ length: 100 }, (_, index) => `bulk_${String(index).padStart(3, "0")}`),
  "orders",
  "orders_tmp",
  "order_events",
  ".hidden_table",
  "Zeta",
];

beforeAll(async () => {
  engine = await startEmbeddedDynamo();
  client = adminClient(engine);
  for (const name of names) await createTable(client, simpleTable(name));
});

afterAll(async () => {
  client.destroy();
  await engine.stop();
});

describe("listing DynamoDB tables", () => {
  it("follows ListTables pages past 100 tables and knows every ref before the first dataset", async () => {
    const extraction = await dynamodbExtractor.open(
      sourceConfig(engine),
      testContext({ profile: false }),
    );
    try {
      expect(extraction.refs).toHaveLength(names.length);
      // Two ListTables pages plus the first table, read early for the account id.
      expect(extraction.requestCount()).toBe(2 + 4);
      // Sorted by UTF-16 code units, whatever order the engine lists them in.
      expect(extraction.refs.slice(0, 2)).toEqual([{ name: ".hidden_table" }, { name: "Zeta" }]);
      expect(extraction.refs.at(-1)).toEqual({ name: "orders_tmp" });
      expect(extraction.resource).toBe("arn:aws:dynamodb:eu-west-1:000000000000:table/*");
    } finally {
      await extraction.close();
    }
  });

  it("yields every listed table once, in ref order, at any concurrency", async () => {
    const wide = await extract(
      sourceConfig(engine),
      testContext({ profile: false, concurrency: 8 }),
    );
    const narrow = await extract(
      sourceConfig(engine),
      testContext({ profile: false, concurrency: 1 }),
    );
    const refs = wide.extraction.refs;
    expect(wide.datasets.map((dataset) => dataset.ref)).toEqual(refs);
    expect(narrow.datasets.map((dataset) => dataset.ref)).toEqual(refs);
    expect(wide.failures).toEqual([]);
    expect(wide.extraction.requestCount()).toBe(2 + 4 * names.length);
  });

  it("filters table names with include and exclude globs after listing", async () => {
    const config = sourceConfig(engine, {
      include: ["order*", "Zeta", "*hidden*"],
      exclude: ["*_tmp"],
    });
    const { datasets } = await extract(config, testContext({ profile: false }));
    expect(datasets.map((dataset) => dataset.ref.name)).toEqual([
      ".hidden_table",
      "Zeta",
      "order_events",
      "orders",
    ]);
  });

  it("matches globs case-sensitively, as DynamoDB names are", async () => {
    const { datasets } = await extract(
      sourceConfig(engine, { include: ["zeta", "bulk_09?"] }),
      testContext({ profile: false }),
    );
    expect(datasets.map((dataset) => dataset.ref.name)).toEqual(
      Array.from({ length: 10 }, (_, index) => `bulk_09${String(index)}`),
    );
  });

  it("gives no refs and a resource without account when nothing matches", async () => {
    const { extraction, datasets } = await extract(
      sourceConfig(engine, { include: ["nothing_*"] }),
      testContext({ profile: false }),
    );
    expect(extraction.refs).toEqual([]);
    expect(datasets).toEqual([]);
    expect(extraction.resource).toBe("arn:aws:dynamodb:eu-west-1::table/*");
  });

  it("rejects an unusable glob in the config schema, before the source is contacted", () => {
    expect(() => sourceConfig(engine, { include: ["x".repeat(70_000)] })).toThrow(/include/);
  });
});
