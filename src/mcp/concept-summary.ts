import type { ConceptRecord } from "../knowledge/concept-record.js";
import { governanceFacts, governanceLine, type GovernanceFacts } from "./governance-facts.js";

/** How a concept appears in listings, search hits and relationships. */
export interface ConceptSummary {
  id: string;
  path: string;
  title: string;
  description: string | null;
  type: string | null;
  kind: string | null;
  source: string;
  domain: string | null;
  tags: string[];
  governance: GovernanceFacts;
}

export function conceptSummary(record: ConceptRecord): ConceptSummary {
  return {
    id: record.id,
    path: record.path,
    title: record.title,
    description: record.description ?? null,
    type: record.type ?? null,
    kind: record.kind ?? null,
    source: record.source,
    domain: record.domain ?? null,
    tags: record.tags,
    governance: governanceFacts(record),
  };
}

/** A few lines per concept for the text content: identity, governance, serious warnings. */
export function summaryText(record: ConceptRecord, prefix = "- "): string {
  const indent = " ".repeat(prefix.length);
  const lines = [
    `${prefix}${record.id} — ${record.title}${record.kind === undefined ? "" : ` (${record.kind})`}`,
    `${indent}path: ${record.path}`,
    `${indent}governance: ${governanceLine(record)}`,
  ];
  if (record.description !== undefined) lines.push(`${indent}${record.description}`);
  for (const warning of governanceFacts(record).warnings) {
    if (!warning.startsWith("NOTE:")) lines.push(`${indent}${warning}`);
  }
  return lines.join("\n");
}
