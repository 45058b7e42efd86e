import { createHash } from "node:crypto";
import type { Dataset } from "../model/index.js";

/**
 * The machine facts whose change sends an approved file back to review, in a compact form that
 * is kept in the state file so the next run can say what changed.
 */
export interface ConceptStructure {
  kind: string;
  /** field path → declared type (with nullability) */
  fields: Record<string, string>;
  keys: string[];
  indexes: string[];
  foreignKeys: string[];
  checks: string[];
  /** `payment_audit BEFORE INSERT OR UPDATE`; absent without triggers, so older hashes hold. */
  triggers?: string[];
}

export function conceptStructure(dataset: Dataset): ConceptStructure {
  return {
    kind: dataset.kind,
    fields: Object.fromEntries(
      dataset.fields.map((f) => [f.path, f.nullable === false ? `${f.type} not null` : f.type]),
    ),
    keys: [
      ...dataset.keys.map((k) => `${k.kind} ${k.name} (${k.fields.join(", ")})`),
      ...keyValueKeys(dataset),
    ].sort(),
    indexes: [...dataset.indexes.map((i) => i.definition), ...keyValueIndexes(dataset)].sort(),
    foreignKeys: dataset.foreignKeys
      .map(
        (fk) =>
          `${fk.name} (${fk.fromFields.join(", ")}) → ${[fk.to.schema, fk.to.name].filter(Boolean).join(".")} (${fk.toFields.join(", ")})`,
      )
      .sort(),
    checks: dataset.checks.map((c) => `${c.name}: ${c.expression}`).sort(),
    ...triggerFacts(dataset),
  };
}

function triggerFacts(dataset: Dataset): Pick<ConceptStructure, "triggers"> {
  const triggers = (dataset.triggers ?? []).map(
    (t) => `${t.name} ${t.timing} ${t.events.join(" OR ")}${t.disabled ? " (disabled)" : ""}`,
  );
  return triggers.length > 0 ? { triggers: triggers.sort() } : {};
}

/** DynamoDB's key schema: `partition key order_id (S)`. */
function keyValueKeys(dataset: Dataset): string[] {
  const facts = dataset.keyValue;
  if (!facts) return [];
  const keys = [`partition key ${facts.partitionKey.name} (${facts.partitionKey.type})`];
  if (facts.sortKey) keys.push(`sort key ${facts.sortKey.name} (${facts.sortKey.type})`);
  return keys;
}

/** `GSI by_type (event_type, event_timestamp) ALL` */
function keyValueIndexes(dataset: Dataset): string[] {
  return (dataset.keyValue?.indexes ?? []).map((index) => {
    const keys = [index.partitionKey.name, index.sortKey?.name].filter(Boolean).join(", ");
    const word = index.kind === "global" ? "GSI" : "LSI";
    return `${word} ${index.name} (${keys}) ${index.projection}`;
  });
}

export function hashOf(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 16);
}

/** Log lines such as `+ column region` or `amount: numeric(10,2) → numeric(12,2)`. */
export function describeStructureChange(
  before: ConceptStructure,
  after: ConceptStructure,
): string[] {
  const lines: string[] = [];
  if (before.kind !== after.kind) lines.push(`kind: ${before.kind} → ${after.kind}`);
  for (const [path, type] of Object.entries(after.fields)) {
    const old = before.fields[path];
    if (old === undefined) lines.push(`+ column ${path}`);
    else if (old !== type) lines.push(`${path}: ${old} → ${type}`);
  }
  for (const path of Object.keys(before.fields)) {
    if (!(path in after.fields)) lines.push(`- column ${path}`);
  }
  const lists = [
    ["key", before.keys, after.keys],
    ["index", before.indexes, after.indexes],
    ["foreign key", before.foreignKeys, after.foreignKeys],
    ["check", before.checks, after.checks],
    ["trigger", before.triggers ?? [], after.triggers ?? []],
  ] as const;
  for (const [word, old, next] of lists) {
    for (const item of next) if (!old.includes(item)) lines.push(`+ ${word} ${item}`);
    for (const item of old) if (!next.includes(item)) lines.push(`- ${word} ${item}`);
  }
  return lines;
}
