import { describe, expect, it } from "vitest";
import { classifyDataset } from "../../src/classifier/classify-dataset.js";
import type { DatasetRef, EnrichedDataset, SensitiveFinding } from "../../src/model/index.js";
import { buildDataset } from "./build-dataset.js";

const customer: DatasetRef = { database: "crm", schema: "sales", name: "customer" };
const baseFindings: SensitiveFinding[] = [
  { path: "email", category: "pii.email", confidence: "high", evidence: ["name matches"] },
  { path: "note", category: "pii.phone", confidence: "low", evidence: ["a phone in text"] },
];
const lookup = (ref: DatasetRef) =>
  ref.schema === customer.schema && ref.name === customer.name ? baseFindings : undefined;

/** A view with columns `reach` (from customer.email), `label` (none) and `remark`. */
function view(reachFrom = "email"): EnrichedDataset {
  const { dataset } = buildDataset("customer_view", [
    { path: "reach", type: "text" },
    { path: "label", type: "text" },
    { path: "remark", type: "text" },
  ]);
  const lineage = (field: string) => ({ ref: customer, field });
  return {
    ...dataset,
    kind: "view",
    profile: undefined,
    fields: dataset.fields.map((field) =>
      field.path === "reach"
        ? { ...field, lineage: lineage(reachFrom) }
        : field.path === "remark"
          ? { ...field, lineage: lineage("note") }
          : field,
    ),
  };
}

describe("findings carried through view lineage", () => {
  it("gives a view column its base column's findings, same category and confidence", () => {
    const enriched = classifyDataset(view(), new Map(), {}, lookup);
    expect(enriched.findings).toEqual([
      {
        path: "reach",
        category: "pii.email",
        confidence: "high",
        evidence: ["comes from sales.customer.email, which is reported as pii.email"],
      },
      {
        path: "remark",
        category: "pii.phone",
        confidence: "low",
        evidence: ["comes from sales.customer.note, which is reported as pii.phone"],
      },
    ]);
    expect(enriched.suggestedClassification).toBe("confidential");
  });

  it("carries nothing from a base column without findings, or without the lookup", () => {
    expect(classifyDataset(view("id"), new Map(), {}, lookup).findings.map((f) => f.path)).toEqual([
      "remark",
    ]);
    expect(classifyDataset(view(), new Map(), {}).findings).toEqual([]);
  });

  it("merges with the column's own finding of the same category, keeping both evidences", () => {
    const { dataset } = buildDataset("v", [{ path: "email", type: "text" }]);
    const own = {
      ...dataset,
      fields: dataset.fields.map((f) => ({ ...f, lineage: { ref: customer, field: "email" } })),
    };
    const [finding] = classifyDataset(own, new Map(), {}, lookup).findings;
    expect(finding?.confidence).toBe("high");
    expect(finding?.evidence.at(-1)).toBe(
      "comes from sales.customer.email, which is reported as pii.email",
    );
    expect(finding?.evidence.length).toBeGreaterThan(1);
  });

  it("lets the allow-list silence a carried finding on the view column", () => {
    const options = { allow: ["sales.customer_view.reach"] };
    expect(classifyDataset(view(), new Map(), options, lookup).findings.map((f) => f.path)).toEqual(
      ["remark"],
    );
  });
});
