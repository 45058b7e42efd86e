import type { ConceptRecord } from "../concepts/concept-record.js";
import { conceptJoins, type JoinStanding } from "./concept-joins.js";
import { keySchema, type KeySchema } from "./key-schema.js";
import type { GuardDialect } from "./sql-parser.js";

/** The config's `guard:` section (docs/configuration.md). */
export interface GuardPolicy {
  /** Draft and needs_review tables are errors (`unapproved-table`), not silently allowed. */
  requireApproval: boolean;
  /** Schemas (MySQL: databases) that unqualified table names are looked up in, in order. */
  searchPath?: string[];
}

interface SensitiveColumn {
  category: string;
  decision?: string;
  masking?: string;
}

/** One concept as the guard checks it, with what each rule needs already looked up. */
export interface GuardConcept {
  record: ConceptRecord;
  family: GuardDialect | undefined;
  database?: string;
  schema?: string;
  table: string;
  /** `schema.table` (or `database.table`, `table`): how findings name it. */
  qualifiedName: string;
  columns: string[];
  /** Confirmed and pending Sensitive Fields rows (rejected ones are not sensitive), by field. */
  sensitive: Map<string, SensitiveColumn>;
  /** The written Agent Usage Guidance and Prohibited Use sections (never the placeholder). */
  guidance?: string;
  prohibitedUse?: string;
  keys?: KeySchema;
}

/** Everything the guard knows about one bundle snapshot; built once, read by every statement. */
export interface GuardKnowledge {
  policy: GuardPolicy;
  concepts: GuardConcept[];
  /** Concepts by lower-case table name: the first step of every table lookup. */
  byTable: Map<string, GuardConcept[]>;
  /** Join standings by `joinKey` of their column pairs. */
  joins: Map<string, JoinStanding>;
}

/** Which dialect reads a concept, from its OKF `type` ("PostgreSQL Table", "MariaDB View", …). */
function familyOf(type: string | undefined): GuardDialect | undefined {
  if (type === undefined) return undefined;
  if (/redshift/i.test(type)) return "redshift";
  if (/postgres/i.test(type)) return "postgres";
  if (/mysql|mariadb/i.test(type)) return "mysql";
  if (/dynamodb/i.test(type)) return "partiql";
  return undefined;
}

export function buildGuardKnowledge(
  records: readonly ConceptRecord[],
  policy: GuardPolicy,
): GuardKnowledge {
  const concepts: GuardConcept[] = [];
  const byTable = new Map<string, GuardConcept[]>();
  for (const record of records) {
    const concept = guardConcept(record);
    if (concept === undefined) continue;
    concepts.push(concept);
    const key = concept.table.toLowerCase();
    byTable.set(key, [...(byTable.get(key) ?? []), concept]);
  }
  const joins = new Map<string, JoinStanding>();
  const rank: Record<JoinStanding, number> = {
    rejected: 3,
    approved: 2,
    "foreign key": 1,
    candidate: 0,
  };
  for (const concept of concepts) {
    for (const join of conceptJoins(concept.record)) {
      const key = joinKey(
        join.pairs.map((pair) => [
          { path: concept.record.path, column: pair.here },
          { path: join.otherPath, column: pair.there },
        ]),
      );
      const known = joins.get(key);
      if (known === undefined || rank[join.standing] > rank[known]) joins.set(key, join.standing);
    }
  }
  return { policy, concepts, byTable, joins };
}

function guardConcept(record: ConceptRecord): GuardConcept | undefined {
  const table = record.table ?? record.title;
  if (table === "") return undefined;
  const qualifiedName = [record.schema ?? record.database, table].filter(Boolean).join(".");
  const concept: GuardConcept = {
    record,
    family: familyOf(record.type),
    table,
    qualifiedName,
    columns: record.fields,
    sensitive: sensitiveColumns(record),
  };
  if (record.database !== undefined) concept.database = record.database;
  if (record.schema !== undefined) concept.schema = record.schema;
  const guidance = writtenSection(record, /^agent usage guidance$/i);
  if (guidance !== undefined) concept.guidance = guidance;
  const prohibited = writtenSection(record, /^prohibited use$/i);
  if (prohibited !== undefined) concept.prohibitedUse = prohibited;
  if (concept.family === "partiql") {
    const keys = keySchema(record);
    if (keys !== undefined) concept.keys = keys;
  }
  return concept;
}

function sensitiveColumns(record: ConceptRecord): Map<string, SensitiveColumn> {
  const columns = new Map<string, SensitiveColumn>();
  for (const row of record.sensitiveFields) {
    const decision = row.decision?.trim().toLowerCase();
    if (decision === "rejected") continue;
    const entry: SensitiveColumn = { category: row.category };
    if (decision) entry.decision = decision;
    // The Masking cell (docs/knowledge-files.md): what an agent must apply to the value.
    const rule = row.masking?.trim();
    if (rule) entry.masking = rule;
    columns.set(row.field, entry);
  }
  return columns;
}

/** A human section's text, unless it is empty or still the `_Owner to write` placeholder. */
function writtenSection(record: ConceptRecord, heading: RegExp): string | undefined {
  const section = record.sections.find(
    (candidate) => !candidate.generated && heading.test(candidate.heading),
  );
  const text = section?.text
    .split("\n")
    .filter((line) => !line.includes("_Owner to write"))
    .join("\n")
    .trim();
  return text === undefined || text === "" ? undefined : text;
}

/** The same key for a join whichever side it is written from and in whichever pair order. */
export function joinKey(
  pairs: ReadonlyArray<
    readonly [{ path: string; column: string }, { path: string; column: string }]
  >,
): string {
  return pairs
    .map((pair) =>
      pair
        .map((side) => `${side.path}#${side.column.toLowerCase()}`)
        .sort()
        .join("="),
    )
    .sort()
    .join(" AND ");
}
