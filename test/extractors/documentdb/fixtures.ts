import type { Document } from "bson";
import { documentdbExtractor } from "../../../extractors/documentdb/documentdb-extractor.js";
import type { SourceExtraction } from "../../../extractors/extractor.js";
import { sourceSchema } from "../../../src/config/schema.js";
import type { DocumentdbSourceConfig } from "../../../extractors/documentdb/config-schema.js";
import type { Dataset } from "../../../src/model/index.js";
import { drain, type Drained } from "../../helpers/extract-datasets.js";
import { sampleDocuments, unauthorized, type MockDatabase } from "./mock-mongo.js";

const customersValidator = {
  $jsonSchema: {
    bsonType: "object",
    required: ["username", "email"],
    properties: {
      email: { bsonType: "string" },
      address: { bsonType: "object", required: ["city"], properties: { city: {} } },
      accounts: { bsonType: "array", items: { bsonType: "object", required: ["id"] } },
    },
  },
};

/** The sample collections as a server would list them, with the index kinds DocumentDB has. */
export function sampleDatabases(): MockDatabase[] {
  return [
    {
      name: "sample_analytics",
      collections: [
        {
          name: "customers",
          options: {
            validator: customersValidator,
            validationLevel: "strict",
            validationAction: "error",
          },
          indexes: [
            { v: 2, key: { _id: 1 }, name: "_id_" },
            { v: 2, key: { email: 1 }, name: "email_1", unique: true },
            {
              v: 2,
              key: { username: 1, birthdate: -1 },
              name: "username_1_birthdate_-1",
              sparse: true,
            },
            {
              v: 2,
              key: { active: 1 },
              name: "active_partial",
              partialFilterExpression: { active: { $eq: true } },
            },
          ],
          documents: sampleDocuments("sample_analytics_customers"),
          collStats: { size: 512_000, storageSize: 200_000, count: 500 },
        },
        {
          name: "accounts",
          indexes: [
            { v: 2, key: { _id: 1 }, name: "_id_" },
            { v: 2, key: { account_id: "hashed" }, name: "account_id_hashed" },
          ],
          documents: sampleDocuments("sample_analytics_accounts"),
          collStats: unauthorized,
        },
        {
          name: "active_customers",
          type: "view",
          options: { viewOn: "customers", pipeline: [{ $match: { active: true } }] },
        },
        {
          name: "audit_log",
          options: { capped: true, size: 1_048_576 },
          indexes: [
            { v: 2, key: { _id: 1 }, name: "_id_" },
            { v: 2, key: { at: 1 }, name: "at_ttl", expireAfterSeconds: 2_592_000 },
          ],
          documents: [],
        },
        { name: "system.views", documents: [] },
      ],
    },
    {
      name: "sample_mflix",
      collections: [
        {
          name: "users",
          indexes: [
            { v: 2, key: { _id: 1 }, name: "_id_" },
            { v: 2, key: { email: 1 }, name: "email_1", unique: true },
          ],
          documents: sampleDocuments("sample_mflix_users"),
        },
        {
          name: "theaters",
          indexes: [
            { v: 2, key: { _id: 1 }, name: "_id_" },
            { v: 2, key: { "location.geo": "2dsphere" }, name: "geo_2dsphere" },
            {
              v: 2,
              key: { _fts: "text", _ftsx: 1 },
              name: "address_text",
              weights: { "location.address.city": 1, "location.address.street1": 1 },
            },
          ],
          documents: sampleDocuments("sample_mflix_theaters"),
        },
      ],
    },
  ];
}

export function documentdbConfig(url: string, extra: Document = {}): DocumentdbSourceConfig {
  const parsed = sourceSchema.parse({
    name: "support",
    type: "documentdb",
    connection: url,
    ...extra,
  });
  if (parsed.type !== "documentdb") throw new Error("not a documentdb config");
  return parsed;
}

export async function openExtraction(
  config: DocumentdbSourceConfig,
  profile = true,
): Promise<{ extraction: SourceExtraction; progress: string[] }> {
  const progress: string[] = [];
  const extraction = await documentdbExtractor.open(config, {
    profile,
    concurrency: 2,
    onProgress: (line) => progress.push(line),
  });
  return { extraction, progress };
}

/** One pass over the extraction: its datasets and the parts it could not read. */
export function collect(extraction: SourceExtraction): Promise<Drained> {
  return drain(extraction);
}

export function datasetNamed(datasets: Dataset[], name: string): Dataset {
  const found = datasets.find((dataset) => dataset.ref.name === name);
  if (!found) throw new Error(`no dataset ${name}`);
  return found;
}
