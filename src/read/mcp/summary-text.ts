import type { ConceptRecord } from "../concepts/concept-record.js";
import { governanceFacts, governanceLine } from "../concepts/governance-facts.js";

/** A few lines per concept for the text content: identity, governance, serious warnings. */
export function summaryText(record: ConceptRecord, prefix = "- "): string {
  const indent = " ".repeat(prefix.length);
  const lines = [
    `${prefix}${record.id} — ${record.title}${record.kind === undefined ? "" : ` (${record.kind})`}`,
    `${indent}path: ${record.path}`,
    `${indent}governance: ${governanceLine(record)}`,
  ];
  if (record.governance.agentUsage !== undefined) {
    lines.push(`${indent}agent_usage: ${record.governance.agentUsage}`);
  }
  if (record.description !== undefined) lines.push(`${indent}${record.description}`);
  for (const warning of governanceFacts(record).warnings) {
    if (!warning.startsWith("NOTE:")) lines.push(`${indent}${warning}`);
  }
  return lines.join("\n");
}
