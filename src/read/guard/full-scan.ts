import type { GuardConcept } from "./guard-knowledge.js";
import type { GuardFinding } from "./guard-rules.js";
import type { StatementFacts } from "./statement-facts.js";

/**
 * A PartiQL SELECT on a DynamoDB table is a Query only with an equality on the partition key of
 * the table (or of the index it names); anything else makes DynamoDB Scan the whole table.
 */
export function fullScanFindings(
  reads: StatementFacts["keyReads"],
): Array<Omit<GuardFinding, "statement">> {
  return reads.flatMap(({ match, equalities }) => {
    const keys = match.concept.keys;
    if (keys === undefined) return [];
    const index = keys.indexes.find((entry) => entry.name === match.index);
    const partitionKey = index?.partitionKey ?? keys.partitionKey;
    if (equalities.includes(partitionKey)) return [];
    const target =
      index === undefined ? match.concept.table : `${match.concept.table}.${index.name}`;
    const guidance = match.concept.guidance;
    return [
      {
        rule: "full-scan" as const,
        severity: "warning" as const,
        concept: match.concept.record.id,
        table: target,
        column: partitionKey,
        message: `This SELECT on ${target} has no equality on its partition key ${partitionKey}, so DynamoDB scans the whole ${index === undefined ? "table" : "index"}. ${accessPatterns(match.concept)}`,
        ...(guidance === undefined ? {} : { guidance }),
      },
    ];
  });
}

function accessPatterns(concept: GuardConcept): string {
  const keys = concept.keys;
  if (keys === undefined) return "";
  const key = (partition: string, sort: string | undefined): string =>
    `partition key ${partition}${sort === undefined ? "" : `, sort key ${sort}`}`;
  const parts = [
    `Table: ${key(keys.partitionKey, keys.sortKey)}`,
    ...keys.indexes.map(
      (index) => `${index.kind} ${index.name}: ${key(index.partitionKey, index.sortKey)}`,
    ),
  ];
  const patterns =
    keys.accessPatterns.length === 0
      ? ""
      : ` Access patterns: ${keys.accessPatterns.map((line, i) => `${String(i + 1)}. ${line}`).join(" ")}`;
  return `Keys: ${parts.join("; ")}.${patterns}`;
}
