import { conceptFacts } from "../concepts/concept-facts.js";
import type { ConceptRecord } from "../concepts/concept-record.js";
import type { SearchHit } from "./search-bundle.js";

/** Sensitive fields a person has not rejected: what still makes the concept pii. */
function openSensitiveFields(record: ConceptRecord): ConceptRecord["sensitiveFields"] {
  return record.sensitiveFields.filter((row) => row.decision?.toLowerCase() !== "rejected");
}

/** The labels a reader must not miss, in the order of their weight. */
function hitLabels(record: ConceptRecord): string[] {
  const labels: string[] = [];
  if (record.governance.deprecated) labels.push("DEPRECATED");
  if (record.governance.stale) labels.push("STALE");
  if (record.governance.approvalStatus === "needs_review") labels.push("NEEDS REVIEW");
  return labels;
}

const oneLine = (text: string): string => text.replace(/\s+/g, " ").trim();

/** Text output: one block per hit, or one line saying that nothing matched. */
export function formatHits(query: string, hits: readonly SearchHit[]): string {
  if (hits.length === 0) return `No concepts match ${JSON.stringify(query)}.\n`;
  return hits.map((hit) => formatHit(hit.record)).join("\n");
}

function formatHit(record: ConceptRecord): string {
  const { governance } = record;
  const facts = [
    governance.approvalStatus ?? "no approval status",
    governance.classification ?? "unclassified",
    governance.pii ? "pii" : "no pii",
  ].join(", ");
  const labels = hitLabels(record);
  const lines = [`${record.id}  (${facts})${labels.length > 0 ? `  ${labels.join(" ")}` : ""}`];
  lines.push(`  ${record.path}`);
  if (record.description !== undefined) lines.push(`  ${oneLine(record.description)}`);
  const sensitive = openSensitiveFields(record);
  if (governance.pii && sensitive.length > 0) {
    const rows = sensitive.map((row) => `${row.field} (${row.category})`);
    lines.push(`  sensitive fields: ${rows.join(", ")}`);
  }
  return `${lines.join("\n")}\n`;
}

/** `--json`: each hit with the governance facts an agent must respect, shaped as the MCP tools'. */
export function hitsDocument(query: string, hits: readonly SearchHit[]): unknown {
  return {
    query,
    hits: hits.map(({ record, score, matched }) => ({
      ...conceptFacts(record),
      score: Math.round(score * 1000) / 1000,
      matched,
      labels: hitLabels(record),
    })),
  };
}
