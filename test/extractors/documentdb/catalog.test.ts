import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { profileDataset } from "../../../src/profiler/profile-dataset.js";
import { sampleOf } from "../../helpers/extract-datasets.js";
import {
  collect,
  datasetNamed,
  documentdbConfig,
  openExtraction,
  sampleDatabases,
} from "./fixtures.js";
import { startMockMongo, type RunningMock } from "./mock-mongo.js";

/** Commands okf may send: catalog reads and one sample per collection, nothing that writes. */
const readOnlyCommands = new Set([
  "listDatabases",
  "listCollections",
  "listIndexes",
  "count",
  "collStats",
  "aggregate",
  "find",
  "endSessions",
]);

let server: RunningMock;

beforeAll(async () => {
  server = await startMockMongo(sampleDatabases());
});
afterAll(async () => {
  await server.close();
});

describe("documentdb extractor over the wire protocol (mongodb-mock-server)", () => {
  it("lists every non-system database and collection, views included, sorted", async () => {
    const { extraction } = await openExtraction(documentdbConfig(server.url));
    try {
      expect(extraction.refs).toEqual([
        { database: "sample_analytics", name: "accounts" },
        { database: "sample_analytics", name: "active_customers" },
        { database: "sample_analytics", name: "audit_log" },
        { database: "sample_analytics", name: "customers" },
        { database: "sample_mflix", name: "theaters" },
        { database: "sample_mflix", name: "users" },
      ]);
      expect(extraction.resource).toBe(`mongodb://127.0.0.1:${String(server.port)}`);
      const { datasets, failures } = await collect(extraction);
      expect(datasets.map((d) => d.ref.name)).toEqual(extraction.refs.map((r) => r.name));
      expect(failures).toEqual([]);
      expect(extraction.requestCount()).toBeGreaterThan(6);
    } finally {
      await extraction.close();
    }
  });

  it("reads validators, required paths, views, capped collections, counts and sizes", async () => {
    const { extraction } = await openExtraction(documentdbConfig(server.url));
    const { datasets } = await collect(extraction);
    await extraction.close();
    const customers = datasetNamed(datasets, "customers");
    expect(customers).toMatchObject({
      kind: "document_collection",
      objectType: "collection",
      ref: { database: "sample_analytics", name: "customers" },
      resource: `mongodb://127.0.0.1:${String(server.port)}/sample_analytics/customers`,
      fields: [],
      stats: { rowEstimate: 500, sizeBytes: 512_000, source: "collStats" },
    });
    expect(customers.document?.requiredFields).toEqual([
      "accounts[].id",
      "address.city",
      "email",
      "username",
    ]);
    expect(customers.document?.validationLevel).toBe("strict");
    expect(customers.document?.validationAction).toBe("error");
    expect(JSON.parse(customers.document?.validator ?? "{}")).toHaveProperty(
      "$jsonSchema.required",
      ["username", "email"],
    );
    // collStats denied: the count alone, and said so.
    expect(datasetNamed(datasets, "accounts").stats).toEqual({
      rowEstimate: 1746,
      source: "estimatedDocumentCount",
    });
    const view = datasetNamed(datasets, "active_customers");
    expect(view.objectType).toBe("view");
    expect(view.document).toMatchObject({
      viewOn: "customers",
      pipeline: '[{"$match":{"active":true}}]',
    });
    expect(extraction.sample?.(view, 1000)).toBeUndefined();
    expect(datasetNamed(datasets, "audit_log").document?.capped).toBe(true);
  });

  it("reads unique, sparse, partial, TTL, hashed, 2dsphere, text and compound indexes", async () => {
    const { extraction } = await openExtraction(documentdbConfig(server.url));
    const { datasets } = await collect(extraction);
    await extraction.close();
    const customers = datasetNamed(datasets, "customers").indexes;
    expect(customers.map((index) => index.name)).toEqual([
      "_id_",
      "active_partial",
      "email_1",
      "username_1_birthdate_-1",
    ]);
    expect(customers[0]).toMatchObject({ primary: true, unique: true, method: "btree" });
    expect(customers[1]).toMatchObject({ predicate: '{"active":{"$eq":true}}', unique: false });
    expect(customers[2]).toMatchObject({
      unique: true,
      columns: ["email"],
      definition: '{"email":1}',
    });
    expect(customers[3]).toMatchObject({
      sparse: true,
      columns: ["username", "birthdate"],
      keys: [
        { field: "username", kind: "1" },
        { field: "birthdate", kind: "-1" },
      ],
    });
    expect(datasetNamed(datasets, "audit_log").indexes[1]).toMatchObject({
      name: "at_ttl",
      expireAfterSeconds: 2_592_000,
    });
    expect(datasetNamed(datasets, "accounts").indexes[1]).toMatchObject({ method: "hashed" });
    const theaters = datasetNamed(datasets, "theaters").indexes;
    expect(theaters.find((i) => i.name === "geo_2dsphere")).toMatchObject({ method: "2dsphere" });
    expect(theaters.find((i) => i.name === "address_text")).toMatchObject({
      method: "text",
      columns: ["location.address.city", "location.address.street1"],
    });
  });

  it("applies include and exclude over <database>.<collection> and reads named databases only", async () => {
    const config = documentdbConfig(server.url, {
      databases: ["sample_analytics"],
      include: ["sample_analytics.*"],
      exclude: ["*.audit_*", "*.active_*"],
    });
    const { extraction } = await openExtraction(config);
    expect(extraction.refs.map((ref) => ref.name)).toEqual(["accounts", "customers"]);
    await extraction.close();
  });

  it("samples with $sample capped at profile.sample_documents, with BSON type names", async () => {
    const before = server.commands.length;
    const config = documentdbConfig(server.url, {
      databases: ["sample_analytics"],
      include: ["*.customers"],
      profile: { sample_documents: 120 },
    });
    const { extraction } = await openExtraction(config);
    const {
      datasets: [customers],
    } = await collect(extraction);
    if (!customers) throw new Error("no customers");
    const { dataset } = await profileDataset(customers, sampleOf(extraction, customers, 1000), {
      sampleRows: 1000,
    });
    await extraction.close();
    expect(dataset.profile?.sampling).toEqual({
      status: "read",
      method: "a $sample of 120 documents",
    });
    expect(dataset.profile?.sampled).toBe(120);
    const byPath = new Map(dataset.profile?.fields.map((field) => [field.path, field]));
    expect(byPath.get("_id")?.nativeTypes).toEqual({ objectId: 120 });
    expect(byPath.get("birthdate")?.nativeTypes).toEqual({ date: 120 });
    expect(byPath.get("email")?.nativeTypes).toEqual({ string: 120 });
    expect(byPath.get("accounts[]")?.nativeTypes).toHaveProperty("int");
    const sent = server.commands.slice(before);
    expect(sent.every((name) => readOnlyCommands.has(name))).toBe(true);
    expect(sent.filter((name) => name === "aggregate")).toHaveLength(1);
  });

  it("sends no sample at all without profiling", async () => {
    const before = server.commands.length;
    const { extraction } = await openExtraction(documentdbConfig(server.url), false);
    const { datasets } = await collect(extraction);
    await extraction.close();
    expect(datasets.every((dataset) => extraction.sample?.(dataset, 1000) === undefined)).toBe(
      true,
    );
    expect(server.commands.slice(before)).not.toContain("aggregate");
  });
});
