import type { GuardConcept, GuardKnowledge } from "./guard-knowledge.js";
import type { GuardDialect, Identifier } from "./sql-parser.js";

/** What a statement is checked against: its dialect, one source's concepts, a search path. */
export interface LookupContext {
  knowledge: GuardKnowledge;
  dialect: GuardDialect;
  source?: string;
  /** Schemas (MySQL: databases) for unqualified names, in order; none = any database (MySQL). */
  searchPath: readonly string[];
}

/** PostgreSQL and Redshift look unqualified names up in `public` unless told otherwise. */
export function defaultSearchPath(dialect: GuardDialect): string[] {
  return dialect === "postgres" || dialect === "redshift" ? ["public"] : [];
}

/**
 * Whether a name as written denotes `actual`. PostgreSQL folds unquoted names to lower case and
 * keeps quoted ones; Redshift folds both (its default, `enable_case_sensitive_identifier` off);
 * MySQL compares without regard to case (as on macOS and Windows, and for columns everywhere);
 * DynamoDB names are case-sensitive, quoted or not.
 */
function sameName(written: Identifier, actual: string, dialect: GuardDialect): boolean {
  switch (dialect) {
    case "postgres":
      return written.quoted ? written.value === actual : written.value.toLowerCase() === actual;
    case "redshift":
    case "mysql":
      return written.value.toLowerCase() === actual.toLowerCase();
    case "partiql":
      return written.value === actual;
  }
}

export interface TableMatch {
  concept: GuardConcept;
  /** PartiQL `"Table"."Index"`: the secondary index read. */
  index?: string;
}

/** The concept a table name denotes; undefined when the bundle has none by that name. */
export function lookupTable(
  parts: readonly Identifier[],
  context: LookupContext,
): TableMatch | undefined {
  const { dialect } = context;
  if (dialect === "partiql") return lookupDynamoTable(parts, context);
  const table = parts.at(-1);
  if (table === undefined || parts.length > 3) return undefined;
  const candidates = candidatesFor(table, context);
  const same = (written: Identifier | undefined, actual: string | undefined): boolean =>
    written === undefined || (actual !== undefined && sameName(written, actual, dialect));
  if (dialect === "mysql") {
    // MySQL has no schemas: `db.table`, where okf writes `database:`.
    if (parts.length === 3) return undefined;
    if (parts.length === 2) return found(candidates.find((c) => same(parts[0], c.database)));
    if (context.searchPath.length === 0) return found(candidates[0]);
    for (const database of context.searchPath) {
      const match = candidates.find((c) => c.database === database);
      if (match) return { concept: match };
    }
    return undefined;
  }
  if (parts.length === 3) {
    return found(candidates.find((c) => same(parts[0], c.database) && same(parts[1], c.schema)));
  }
  if (parts.length === 2) return found(candidates.find((c) => same(parts[0], c.schema)));
  for (const schema of context.searchPath) {
    const match = candidates.find((c) => c.schema === schema);
    if (match) return { concept: match };
  }
  return undefined;
}

function lookupDynamoTable(
  parts: readonly Identifier[],
  context: LookupContext,
): TableMatch | undefined {
  const [table, index] = parts;
  if (table === undefined || parts.length > 2) return undefined;
  const concept = candidatesFor(table, context)[0];
  if (concept === undefined) return undefined;
  if (index === undefined) return { concept };
  const known = concept.keys?.indexes.find((entry) => entry.name === index.value);
  return known === undefined ? undefined : { concept, index: known.name };
}

/** The concepts of the dialect's family (and of `--source`) whose table name matches. */
function candidatesFor(table: Identifier, context: LookupContext): GuardConcept[] {
  const candidates = context.knowledge.byTable.get(table.value.toLowerCase()) ?? [];
  return candidates.filter(
    (concept) =>
      concept.family === context.dialect &&
      (context.source === undefined || concept.record.source === context.source) &&
      sameName(table, concept.table, context.dialect),
  );
}

function found(concept: GuardConcept | undefined): TableMatch | undefined {
  return concept === undefined ? undefined : { concept };
}

/** The concept's column that a written column name denotes. */
export function lookupColumn(
  concept: GuardConcept,
  written: Identifier,
  dialect: GuardDialect,
): string | undefined {
  return concept.columns.find((column) => sameName(written, column, dialect));
}
