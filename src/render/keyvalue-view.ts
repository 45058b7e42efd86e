import type {
  EnrichedDataset,
  KeyAttribute,
  KeyValueFacts,
  SecondaryIndex,
} from "../model/index.js";
import { inlineSource } from "../knowledge-file/markdown-text.js";
import { code, codeList, formatBytes, formatCount } from "./format.js";

const keyText = (key: KeyAttribute) => `${code(key.name)} (${inlineSource(key.type)})`;

function projection(index: SecondaryIndex): string {
  const attributes = index.projectedAttributes?.length
    ? ` (${codeList(index.projectedAttributes)})`
    : "";
  return `projection ${inlineSource(index.projection)}${attributes}`;
}

/** Keys and Indexes of a key-value table. */
export function keyValueKeyBullets(facts: KeyValueFacts): string[] {
  const table = [`partition key ${keyText(facts.partitionKey)}`];
  if (facts.sortKey) table.push(`sort key ${keyText(facts.sortKey)}`);
  return [
    `Table: ${table.join(", ")}`,
    ...facts.indexes.map((index) => {
      const keys = [`partition key ${keyText(index.partitionKey)}`];
      if (index.sortKey) keys.push(`sort key ${keyText(index.sortKey)}`);
      const status =
        index.status && index.status !== "ACTIVE" ? `; status ${inlineSource(index.status)}` : "";
      return `${index.kind === "global" ? "GSI" : "LSI"} ${code(index.name)}: ${keys.join(", ")}; ${projection(index)}${status}`;
    }),
  ];
}

/** Settings worth a sentence in the summary: capacity, stream, TTL, PITR, encryption. */
export function keyValueSummary(facts: KeyValueFacts): string[] {
  const parts: string[] = [];
  if (facts.billingMode === "PAY_PER_REQUEST") parts.push("on-demand capacity");
  else if (facts.billingMode === "PROVISIONED") {
    parts.push(
      `provisioned capacity (${String(facts.readCapacity ?? "?")} RCU, ${String(facts.writeCapacity ?? "?")} WCU)`,
    );
  }
  if (facts.stream?.enabled) parts.push(`stream ${facts.stream.viewType ?? "enabled"}`);
  if (facts.ttlAttribute) parts.push(`TTL on ${code(facts.ttlAttribute)}`);
  if (facts.pointInTimeRecovery !== undefined) {
    parts.push(`point-in-time recovery ${facts.pointInTimeRecovery ? "on" : "off"}`);
  }
  if (facts.encryption) parts.push(`encrypted with ${facts.encryption}`);
  if (facts.tableClass && facts.tableClass !== "STANDARD")
    parts.push(`table class ${facts.tableClass}`);
  return parts;
}

/** Query shapes the key design supports (docs/sources/dynamodb.md): the table's keys, then every index. */
export function accessPatterns(dataset: EnrichedDataset): string[] {
  const facts = dataset.keyValue;
  if (!facts) return [];
  const pk = facts.partitionKey.name;
  const patterns: string[] = [];
  if (facts.sortKey) {
    const sk = facts.sortKey.name;
    patterns.push(`One item: \`GetItem\` with ${code(pk)} and ${code(sk)}.`);
    patterns.push(
      `All items of one ${code(pk)}, in ${code(sk)} order: \`Query\` with ${code(`${pk} = :v`)}; narrow with ${code(`begins_with(${sk}, :prefix)`)} or ${code(`${sk} BETWEEN :a AND :b`)}.`,
    );
    patterns.push(
      `Latest item of one ${code(pk)}: \`Query\` with ${code(`${pk} = :v`)}, \`ScanIndexForward=false\`, \`Limit=1\`.`,
    );
    for (const variant of dataset.profile?.variants ?? []) {
      const constant = /sort key "([^"]+)"/.exec(variant.rule)?.[1];
      if (constant) {
        patterns.push(
          `The ${inlineSource(variant.name)} item of one ${code(pk)}: \`GetItem\` with ${code(`${pk} = :v`)} and ${code(`${sk} = "${constant}"`)}.`,
        );
      }
      const prefix = /sort key prefix "([^"]+)"/.exec(variant.rule)?.[1];
      if (prefix)
        patterns.push(
          `${inlineSource(variant.name)} items of one ${code(pk)}: \`Query\` with ${code(`${pk} = :v`)} and ${code(`begins_with(${sk}, "${prefix}")`)}.`,
        );
    }
  } else {
    patterns.push(`One item: \`GetItem\` with ${code(pk)}.`);
  }
  for (const index of facts.indexes) {
    const word = index.kind === "global" ? "GSI" : "LSI";
    const range = index.sortKey
      ? ` and a condition on ${code(index.sortKey.name)} (\`=\`, \`<\`, \`BETWEEN\`, \`begins_with\`)`
      : "";
    const fetch =
      index.projection === "ALL"
        ? ""
        : ` The index holds ${index.projection === "KEYS_ONLY" ? "only keys" : "some attributes"}: other attributes need a \`GetItem\` per item.`;
    const consistency = index.kind === "global" ? " Reads are eventually consistent." : "";
    patterns.push(
      `By ${code(index.partitionKey.name)}: \`Query\` on ${word} ${code(index.name)} with ${code(`${index.partitionKey.name} = :v`)}${range}.${fetch}${consistency}`,
    );
  }
  return patterns;
}

/** What would force a Scan, and what it would cost at this table's size. */
export function antiPatterns(dataset: EnrichedDataset): string[] {
  const facts = dataset.keyValue;
  if (!facts) return [];
  const keyNames = new Set([
    facts.partitionKey.name,
    facts.sortKey?.name,
    ...facts.indexes.flatMap((i) => [i.partitionKey.name, i.sortKey?.name]),
  ]);
  const others = (dataset.profile?.fields ?? [])
    .map((f) => f.path)
    .filter((path) => !keyNames.has(path))
    .slice(0, 4);
  const size = [
    // Empty figures (a new table, or an engine that does not count) say nothing about cost.
    dataset.stats?.sizeBytes ? `about ${formatBytes(dataset.stats.sizeBytes)}` : "",
    dataset.stats?.rowEstimate ? `${formatCount(dataset.stats.rowEstimate)} items` : "",
  ].filter(Boolean);
  const what = others.length > 0 ? ` (${codeList(others)})` : "";
  const cost = size.length > 0 ? ` of ${size.join(", ")}` : " of the whole table";
  return [
    `Any filter on another attribute${what} needs a \`Scan\`${cost}; a \`FilterExpression\` does not reduce what is read.`,
    "Counting or sorting across partitions also needs a `Scan`; keep such questions for an export or an index designed for them.",
  ];
}

/** Retention facts for the Data Quality and Retention section. */
export function retentionBullets(facts: KeyValueFacts): string[] {
  const bullets: string[] = [];
  if (facts.ttlAttribute) {
    bullets.push(
      `Items expire through TTL on ${code(facts.ttlAttribute)} (epoch seconds); expired items are deleted within days, not instantly, and may still be read until then.`,
    );
  } else if (facts.ttlStatus) {
    bullets.push(`TTL is ${facts.ttlStatus.toLowerCase()}: items are kept until deleted.`);
  }
  if (facts.pointInTimeRecovery !== undefined) {
    bullets.push(
      facts.pointInTimeRecovery
        ? "Point-in-time recovery is on (35 days)."
        : "Point-in-time recovery is off.",
    );
  }
  if (facts.stream?.enabled)
    bullets.push(
      `Changes are published to a DynamoDB stream (${facts.stream.viewType ?? "view type unknown"}, kept 24 hours).`,
    );
  return bullets;
}
