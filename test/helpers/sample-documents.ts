import { documentdbVocabulary } from "../../extractors/documentdb/documentdb-extractor.js";
import type { EnrichedDataset } from "../../src/model/index.js";
import { sampledField } from "./field-profile.js";
import { newDataset } from "../../src/model/new-dataset.js";
import type { RenderInput } from "../../src/render/render-input.js";

/** A hand-built customer_cases collection, shaped like what the DocumentDB extractor and profiler yield. */
export function sampleCustomerCases(): EnrichedDataset {
  return {
    ...newDataset({
      ref: { database: "support_prod", name: "customer_cases" },
      kind: "document_collection",
      objectType: "collection",
      resource: "mongodb://support-docdb.example.invalid:27017/support_prod/customer_cases",
      stats: { rowEstimate: 2_300_000, sizeBytes: 6_100_000_000, source: "collStats" },
      indexes: [
        {
          name: "_id_",
          method: "btree",
          unique: true,
          primary: true,
          columns: ["_id"],
          keys: [{ field: "_id", kind: "1" }],
          definition: '{"_id":1}',
        },
        {
          name: "customer_email_1",
          method: "btree",
          unique: true,
          primary: false,
          columns: ["customer_email"],
          keys: [{ field: "customer_email", kind: "1" }],
          definition: '{"customer_email":1}',
        },
        {
          name: "status_1_created_at_-1",
          method: "btree",
          unique: false,
          primary: false,
          columns: ["status", "created_at"],
          keys: [
            { field: "status", kind: "1" },
            { field: "created_at", kind: "-1" },
          ],
          definition: '{"status":1,"created_at":-1}',
        },
        {
          name: "created_at_ttl",
          method: "btree",
          unique: false,
          primary: false,
          columns: ["created_at"],
          keys: [{ field: "created_at", kind: "1" }],
          expireAfterSeconds: 31_536_000,
          definition: '{"created_at":1}',
        },
        {
          name: "messages_text",
          method: "text",
          unique: false,
          primary: false,
          columns: ["messages.message"],
          keys: [{ field: "messages.message", kind: "text" }],
          definition: '{"messages.message":"text"}',
        },
      ],
      document: {
        requiredFields: ["case_id", "channel"],
        validationLevel: "strict",
        validationAction: "error",
      },
    }),
    findings: [
      {
        path: "customer_email",
        category: "pii.email",
        confidence: "high",
        evidence: ['name matches "email"', "1000 of 1000 sampled values are email addresses"],
      },
    ],
    profile: {
      sampling: { status: "read", method: "a $sample of 1,000 documents" },
      sampled: 1000,
      fields: [
        sampledField("_id", 1000, { objectId: 1000 }),
        sampledField("case_id", 1000, { string: 1000 }),
        sampledField("customer_email", 1000, { string: 1000 }),
        sampledField(
          "channel",
          1000,
          { string: 1000 },
          { distinct: 4, values: ["account_manager", "email", "internal_escalation", "web"] },
        ),
        sampledField("messages", 1000, { array: 1000 }),
        sampledField("messages[].message", 1000, { string: 1000 }),
        sampledField("internal_notes", 143, { string: 143 }),
        sampledField("legacy_flag", 12, { bool: 12 }),
        sampledField(
          "created_at",
          1000,
          { date: 1000 },
          { min: "2024-01-02T00:00:00Z", max: "2026-11-20T00:00:00Z" },
        ),
      ],
    },
  };
}

export function sampleDocumentRenderInput(dataset: EnrichedDataset): RenderInput {
  return {
    dataset,
    source: {
      name: "support",
      system: "documentdb",
      domain: "customer-support",
      cloud: "aws",
      resource: "mongodb://support-docdb.example.invalid:27017",
      vocabulary: documentdbVocabulary,
    },
    path: "support/support_prod/customer_cases.md",
    id: "customer-support.support.customer_cases",
    pathOf: () => undefined,
    descriptions: new Map(),
    decisions: new Map(),
  };
}
