import { guidanceSentence } from "../concepts/agent-guidance.js";
import { conceptFacts, type ConceptFacts } from "../concepts/concept-facts.js";
import type { ConceptRecord } from "../concepts/concept-record.js";
import type { SearchHit } from "./search-bundle.js";

/** Sensitive fields a person has not rejected: what still makes the concept pii. */
function openSensitiveFields(record: ConceptRecord): ConceptRecord["sensitiveFields"] {
  return record.sensitiveFields.filter((row) => row.decision?.toLowerCase() !== "rejected");
}

/** The labels a reader must not miss, in the order of their weight. */
function hitLabels(record: ConceptRecord): string[] {
  const labels: string[] = [];
  const { deprecated, replacedBy } = record.governance;
  if (deprecated) labels.push(replacedBy ? `DEPRECATED (use ${replacedBy})` : "DEPRECATED");
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
  if (governance.agentUsage !== undefined) lines.push(`  agent usage: ${governance.agentUsage}`);
  const guidance = guidanceSentence(record);
  if (guidance !== undefined) lines.push(`  guidance: ${guidance}`);
  const sensitive = openSensitiveFields(record);
  if (governance.pii && sensitive.length > 0) {
    const rows = sensitive.map((row) => `${row.field} (${row.category})`);
    lines.push(`  sensitive fields: ${rows.join(", ")}`);
  }
  return `${lines.join("\n")}\n`;
}

/** One hit as JSON: the concept's facts, what an agent may do with it, and how it matched. */
export interface HitFacts extends ConceptFacts {
  /** Frontmatter `agent_usage`, as in `governance.agent_usage`. */
  agentUsage: string | null;
  /** The first sentence of the human Agent Usage Guidance section, once a person wrote it. */
  guidance: string | null;
  score: number;
  matched: string[];
  labels: string[];
}

export function hitFacts({ record, score, matched }: SearchHit): HitFacts {
  return {
    ...conceptFacts(record),
    agentUsage: record.governance.agentUsage ?? null,
    guidance: guidanceSentence(record) ?? null,
    score: Math.round(score * 1000) / 1000,
    matched,
    labels: hitLabels(record),
  };
}

/** `--json`: each hit with the governance facts an agent must respect, shaped as the MCP tools'. */
export function hitsDocument(query: string, hits: readonly SearchHit[]): unknown {
  return { query, hits: hits.map(hitFacts) };
}
