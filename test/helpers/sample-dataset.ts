import { postgresVocabulary } from "../../extractors/postgres/postgres-extractor.js";
import type { EnrichedDataset } from "../../src/model/index.js";
import type { RenderInput } from "../../src/render/render-input.js";

/** A hand-built customer_account, shaped like what the PostgreSQL extractor yields. */
export function sampleAccount(overrides: Partial<EnrichedDataset> = {}): EnrichedDataset {
  const ref = { database: "crm_prod", schema: "sales", name: "customer_account" };
  return {
    ref,
    kind: "table",
    objectType: "table",
    comment: "Customer accounts synchronised from Salesforce.",
    resource: "postgresql://db.example.internal:5432/crm_prod/sales/customer_account",
    fields: [
      {
        name: "account_id",
        path: "account_id",
        position: 1,
        type: "bigint",
        nullable: false,
        comment: "Salesforce account id",
        stats: { distinctIsUnique: true, nullFraction: 0, source: "pg_stats" },
      },
      {
        name: "segment",
        path: "segment",
        position: 2,
        type: "text",
        nullable: true,
        comment: "Commercial segment",
        stats: { distinct: 3, nullFraction: 0.0312, source: "pg_stats" },
      },
      {
        name: "lifecycle_stage",
        path: "lifecycle_stage",
        position: 3,
        type: "sales.lifecycle",
        nullable: false,
        enumValues: ["prospect", "active", "churned"],
      },
      { name: "territory_id", path: "territory_id", position: 4, type: "integer", nullable: true },
    ],
    keys: [{ name: "customer_account_pkey", kind: "primary", fields: ["account_id"] }],
    foreignKeys: [
      {
        name: "customer_account_territory_fk",
        from: ref,
        fromFields: ["territory_id"],
        to: { database: "crm_prod", schema: "sales", name: "territory" },
        toFields: ["territory_id"],
      },
    ],
    referencedBy: [
      {
        name: "invoice_account_fk",
        from: { database: "crm_prod", schema: "finance", name: "invoice" },
        fromFields: ["account_id"],
        to: ref,
        toFields: ["account_id"],
      },
    ],
    checks: [
      { name: "segment_known", expression: "segment IN ('smb', 'mid_market', 'enterprise')" },
    ],
    indexes: [
      {
        name: "customer_account_pkey",
        method: "btree",
        unique: true,
        primary: true,
        columns: ["account_id"],
        definition:
          "CREATE UNIQUE INDEX customer_account_pkey ON sales.customer_account USING btree (account_id)",
      },
      {
        name: "customer_account_territory_idx",
        method: "btree",
        unique: false,
        primary: false,
        columns: ["territory_id"],
        predicate: "territory_id IS NOT NULL",
        definition:
          "CREATE INDEX customer_account_territory_idx ON sales.customer_account USING btree (territory_id) WHERE (territory_id IS NOT NULL)",
      },
    ],
    partitions: [],
    stats: { rowEstimate: 1_234_567, sizeBytes: 410_000_000, source: "pg_class" },
    usage: {
      seqScans: 1234,
      idxScans: 8_400_000,
      inserts: 5000,
      updates: 40_000,
      deletes: 0,
      lastAutoanalyze: "2026-11-27T01:12:00Z",
      source: "pg_stat_user_tables",
    },
    tags: [],
    findings: [],
    ...overrides,
  };
}

export function sampleRenderInput(
  dataset: EnrichedDataset,
  descriptions = new Map<string, string>(),
  decisions = new Map<string, string>(),
): RenderInput {
  const paths: Record<string, string> = {
    territory: "crm/crm_prod/sales/territory.md",
    invoice: "crm/crm_prod/finance/invoice.md",
    customer_account: "crm/crm_prod/sales/customer_account.md",
  };
  return {
    dataset,
    source: {
      name: "crm",
      system: "aurora-postgresql",
      domain: "sales",
      cloud: "aws",
      resource: "postgresql://db.example.internal:5432/crm_prod",
      vocabulary: postgresVocabulary,
    },
    path: "crm/crm_prod/sales/customer_account.md",
    id: "sales.crm.customer_account",
    pathOf: (ref) => paths[ref.name],
    descriptions,
    decisions,
  };
}
