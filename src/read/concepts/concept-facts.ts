import type { ConceptRecord } from "./concept-record.js";
import { governanceFacts, type GovernanceFacts } from "./governance-facts.js";

/** How a concept appears in JSON: MCP listings, search hits and relationships, `okf search --json`. */
export interface ConceptFacts {
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

export function conceptFacts(record: ConceptRecord): ConceptFacts {
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
