import type { GuardKnowledge } from "./guard-knowledge.js";
import { statementFindings, type GuardFinding } from "./guard-rules.js";
import { parseSql, type GuardDialect } from "./sql-parser.js";
import { statementFacts } from "./statement-walk.js";
import { defaultSearchPath, type LookupContext } from "./table-lookup.js";

export { buildGuardKnowledge, type GuardKnowledge, type GuardPolicy } from "./guard-knowledge.js";
export { initSqlParser, guardDialects, type GuardDialect } from "./sql-parser.js";

export interface SqlCheckInput {
  sql: string;
  dialect: GuardDialect;
  /** Only this source's concepts (the first folder of the bundle). */
  source?: string;
  /** Overrides the policy's search path. */
  searchPath?: string[];
}

export interface SqlCheckResult {
  statements: Array<{
    /** 1-based, in input order. */
    index: number;
    kind: string;
    /** Concept ids the statement reads or writes, and unknown tables as written. */
    tables: string[];
  }>;
  findings: GuardFinding[];
}

/**
 * Checks SQL against the bundle: every table and column resolved to a concept, then the guard's
 * rules (docs/guard.md). Synchronous once `initSqlParser()` has resolved; `knowledge` is built
 * once per bundle snapshot. A parse error throws `SqlParseError`.
 */
export function checkSql(knowledge: GuardKnowledge, input: SqlCheckInput): SqlCheckResult {
  const context: LookupContext = {
    knowledge,
    dialect: input.dialect,
    searchPath: input.searchPath ?? knowledge.policy.searchPath ?? defaultSearchPath(input.dialect),
    ...(input.source === undefined ? {} : { source: input.source }),
  };
  const result: SqlCheckResult = { statements: [], findings: [] };
  parseSql(input.sql, input.dialect).forEach((statement, position) => {
    const index = position + 1;
    const facts = statementFacts(statement, context);
    const tables = facts.tables.map((use) => use.match?.concept.record.id ?? use.written);
    result.statements.push({ index, kind: facts.kind, tables: [...new Set(tables)] });
    for (const finding of statementFindings(facts, knowledge, input.source)) {
      result.findings.push({ ...finding, statement: index });
    }
  });
  return result;
}
