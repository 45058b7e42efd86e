import { describe, expect, it } from "vitest";
import { renderConcept } from "../../src/render/render-concept.js";
import { loadTemplates } from "../../src/render/templates.js";
import { sampleAccount, sampleRenderInput } from "../helpers/sample-dataset.js";

const templates = loadTemplates();
const ref = (schema: string, name: string) => ({ database: "crm_prod", schema, name });

describe("keys declared on partitions and the tables a view reads", () => {
  it("says on how many partitions a folded key, foreign key, index and check is declared", () => {
    const onEach = { partitions: 6, of: 6 };
    const dataset = sampleAccount({
      objectType: "partitioned table",
      keys: [
        { name: "p_2022_01_pkey", kind: "primary", fields: ["account_id"], onPartitions: onEach },
      ],
      foreignKeys: [
        {
          name: "p_2022_01_territory_fkey",
          from: ref("sales", "customer_account"),
          fromFields: ["territory_id"],
          to: ref("sales", "territory"),
          toFields: ["territory_id"],
          onPartitions: { partitions: 4, of: 6 },
        },
      ],
      checks: [{ name: "p_2022_01_check", expression: "segment <> ''", onPartitions: onEach }],
      indexes: [
        {
          name: "p_2022_01_segment_key",
          method: "btree",
          unique: true,
          primary: false,
          columns: ["segment"],
          definition: "CREATE UNIQUE INDEX p_2022_01_segment_key ON sales.p_2022_01 (segment)",
          onPartitions: onEach,
        },
      ],
    });
    const body = renderConcept(sampleRenderInput(dataset), templates).newBody;
    expect(body).toContain(
      "- Primary key (`account_id`), declared on each of its 6 partitions (as `p_2022_01_pkey` on the first)",
    );
    expect(body).toContain(
      "- `territory_id` → [territory](territory.md) `territory_id` (declared on 4 of its 6 partitions)",
    );
    expect(body).toContain(
      "- Index btree (`segment`), unique within each partition only, declared on each of its 6 partitions (as `p_2022_01_segment_key` on the first)",
    );
    expect(body).toContain(
      "Check `p_2022_01_check`: `segment <> ''` (declared on each of its 6 partitions).",
    );
  });

  it("links the tables a view reads, to their files when they are in the bundle", () => {
    const view = sampleAccount({
      kind: "view",
      objectType: "view",
      keys: [],
      foreignKeys: [],
      referencedBy: [],
      indexes: [],
      reads: [ref("finance", "invoice"), ref("sales", "territory"), ref("sales", "unplanned")],
    });
    const body = renderConcept(sampleRenderInput(view), templates).newBody;
    expect(body).toContain(
      [
        "## Relationships",
        "- Reads [finance.invoice](../finance/invoice.md)",
        "- Reads [territory](territory.md)",
        "- Reads `unplanned`",
      ].join("\n"),
    );
  });
});
