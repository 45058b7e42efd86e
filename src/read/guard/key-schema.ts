import type { ConceptRecord } from "../concepts/concept-record.js";

/** A DynamoDB table's keys and secondary indexes, as its Keys and Indexes section lists them. */
export interface KeySchema {
  partitionKey: string;
  sortKey?: string;
  indexes: Array<{ name: string; kind: "GSI" | "LSI"; partitionKey: string; sortKey?: string }>;
  /** The Access Patterns section's numbered lines, for the full-scan finding. */
  accessPatterns: string[];
}

/** `Table: partition key \`order_id\` (S), sort key \`event_timestamp\` (S)`. */
const tableLine = /^\s*[-*]\s+Table:\s+partition key `([^`]+)`(?:[^,]*,\s*sort key `([^`]+)`)?/;
/** `GSI \`by_event_type\`: partition key \`event_type\` (S), sort key …; projection ALL`. */
const indexLine =
  /^\s*[-*]\s+(GSI|LSI)\s+`([^`]+)`:\s+partition key `([^`]+)`(?:[^,;]*,\s*sort key `([^`]+)`)?/;

/** The key schema of a key-value concept; undefined when its file shows none. */
export function keySchema(record: ConceptRecord): KeySchema | undefined {
  const keys = record.sections.find((section) => /^keys and indexes$/i.test(section.heading));
  let schema: KeySchema | undefined;
  const indexes: KeySchema["indexes"] = [];
  for (const line of keys?.text.split("\n") ?? []) {
    const table = tableLine.exec(line);
    if (table?.[1] !== undefined) {
      schema = { partitionKey: table[1], indexes, accessPatterns: [] };
      if (table[2] !== undefined) schema.sortKey = table[2];
    }
    const index = indexLine.exec(line);
    if (index?.[2] !== undefined && index[3] !== undefined) {
      const kind = index[1] === "LSI" ? "LSI" : "GSI";
      const entry = { name: index[2], kind, partitionKey: index[3] } as const;
      indexes.push(index[4] === undefined ? entry : { ...entry, sortKey: index[4] });
    }
  }
  if (schema === undefined) return undefined;
  const patterns = record.sections.find((section) => /^access patterns$/i.test(section.heading));
  schema.accessPatterns = (patterns?.text.split("\n") ?? [])
    .map((line) => /^\s*\d+\.\s+(.*)$/.exec(line)?.[1]?.trim())
    .filter((line): line is string => line !== undefined && line !== "");
  return schema;
}
