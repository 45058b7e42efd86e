import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderConcept } from "../../src/render/render-concept.js";
import { loadTemplates, regionNames } from "../../src/render/templates.js";
import { ConfigError } from "../../src/errors.js";
import { expectGolden } from "../helpers/golden.js";
import { sampleAccount, sampleRenderInput } from "../helpers/sample-dataset.js";

const templates = loadTemplates();

describe("renderConcept", () => {
  it("renders a table like the golden file", () => {
    const descriptions = new Map([
      ["account_id", "Salesforce account id"],
      ["segment", "Commercial | segment"],
    ]);
    const rendered = renderConcept(sampleRenderInput(sampleAccount(), descriptions), templates);
    expectGolden("customer_account.body.md", rendered.newBody);
    expect(rendered.order).toEqual([...regionNames]);
    expect(rendered.regions.map((r) => r.name)).toEqual([
      "summary",
      "schema",
      "keys",
      "relationships",
      "quality",
      "usage",
    ]);
  });

  it("renders a view with its definition and a partitioned table with its partitions", () => {
    const view = sampleAccount({
      kind: "view",
      objectType: "view",
      comment: undefined,
      keys: [],
      foreignKeys: [],
      referencedBy: [],
      checks: [],
      indexes: [],
      stats: undefined,
      usage: undefined,
      viewDefinition:
        " SELECT account_id\n   FROM sales.customer_account\n  WHERE lifecycle_stage = 'active';",
    });
    const viewRendered = renderConcept(sampleRenderInput(view), templates);
    expectGolden("view.body.md", viewRendered.newBody);
    expect(viewRendered.machineFrontmatter.type).toBe("PostgreSQL View");
    expect(viewRendered.description).toBe("PostgreSQL view sales.customer_account with 4 columns.");

    const partitioned = sampleAccount({
      objectType: "partitioned table",
      partitionKey: "RANGE (updated_at)",
      partitions: [
        {
          name: "customer_account_2025",
          ref: { database: "crm_prod", schema: "sales", name: "customer_account_2025" },
          bound: "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')",
        },
      ],
    });
    const partitionedRendered = renderConcept(sampleRenderInput(partitioned), templates);
    expect(partitionedRendered.newBody).toContain(
      "## Partitions\nPartitioned by `RANGE (updated_at)`",
    );
    expect(partitionedRendered.newBody).toContain(
      "- `customer_account_2025`: `FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')`",
    );
    expect(partitionedRendered.machineFrontmatter.type).toBe("PostgreSQL Table");
  });

  it("shows the Decision cells it is given, and a rejected finding does not make the file pii", () => {
    const finding = {
      path: "segment",
      category: "pii.test",
      confidence: "low" as const,
      evidence: ["name matches"],
    };
    const dataset = sampleAccount({ findings: [finding] });
    const undecided = renderConcept(sampleRenderInput(dataset), templates);
    expect(undecided.machineFrontmatter.pii).toBe(true);
    expect(undecided.tags).toContain("pii");
    expect(undecided.humanSections.join("\n")).toContain("## Prohibited Use");

    const decisions = new Map([["segment", "rejected"]]);
    const rejected = renderConcept(sampleRenderInput(dataset, new Map(), decisions), templates);
    expect(rejected.regions.find((r) => r.name === "sensitive")?.content).toContain(
      "| segment | pii.test | low | name matches | rejected |",
    );
    expect(rejected.machineFrontmatter.pii).toBe(false);
    expect(rejected.tags).not.toContain("pii");
    expect(rejected.humanSections).toEqual([]);
  });

  it("uses an overriding template from the configured folder", () => {
    const dir = mkdtempSync(join(tmpdir(), "okf-templates-"));
    mkdirSync(join(dir, "sections"));
    writeFileSync(
      join(dir, "sections", "usage.md.eta"),
      "## Usage\nCustom: <%= it.usage.length %> facts\n",
    );
    const rendered = renderConcept(sampleRenderInput(sampleAccount()), loadTemplates(dir));
    expect(rendered.regions.find((r) => r.name === "usage")?.content).toBe(
      "## Usage\nCustom: 4 facts",
    );
  });

  it("reports a broken template as a configuration error", () => {
    const dir = mkdtempSync(join(tmpdir(), "okf-templates-"));
    writeFileSync(join(dir, "concept.md.eta"), "<% if ( %>");
    expect(() => renderConcept(sampleRenderInput(sampleAccount()), loadTemplates(dir))).toThrow(
      ConfigError,
    );
  });
});

describe("renderConcept for a DynamoDB table", () => {
  it("renders attributes, keys, item types, access patterns and retention like the golden file", async () => {
    const { sampleOrderEvents, sampleDynamoRenderInput } =
      await import("../helpers/sample-dynamodb.js");
    const rendered = renderConcept(sampleDynamoRenderInput(sampleOrderEvents()), templates);
    expectGolden("order_events.body.md", rendered.newBody);
    expect(rendered.machineFrontmatter).toMatchObject({
      type: "DynamoDB Table",
      kind: "nosql_table",
      table: "order_events",
      partition_key: "order_id",
      sort_key: "event_timestamp",
      billing_mode: "PAY_PER_REQUEST",
      stream_enabled: true,
      ttl_attribute: "expires_at",
      table_class: "STANDARD",
    });
    expect(rendered.regions.map((r) => r.name)).toEqual([
      "summary",
      "attributes",
      "keys",
      "item-types",
      "access-patterns",
      "quality",
    ]);
  });
});

describe("renderConcept for a document collection", () => {
  it("renders structure, indexes with query patterns, retention, and masking rules like the golden file", async () => {
    const { sampleCustomerCases, sampleDocumentRenderInput } =
      await import("../helpers/sample-documents.js");
    const rendered = renderConcept(sampleDocumentRenderInput(sampleCustomerCases()), templates);
    expectGolden("customer_cases.body.md", rendered.newBody);
    expect(rendered.machineFrontmatter).toMatchObject({
      type: "DocumentDB Collection",
      kind: "document_collection",
      collection: "customer_cases",
      database: "support_prod",
      pii: true,
    });
    expect(rendered.regions.map((r) => r.name)).toEqual([
      "summary",
      "structure",
      "keys",
      "sensitive",
      "quality",
    ]);
    expect(rendered.newBody).toContain("## Masking Rules");
  });
});
