import { SqlParseError } from "../../errors.js";
import { checkSql, type GuardKnowledge } from "../guard/check-sql.js";
import { screenedResult } from "../guard/format-check.js";
import type { GuardFinding } from "../guard/guard-rules.js";
import { parseErrorRule, type EvalFile, type ExpectedFinding } from "./eval-file.js";

/** A finding as the evaluation compares it: the guard's, or a statement that does not parse. */
type ScoredFinding = Pick<GuardFinding, "table" | "column" | "concept"> & {
  rule: string;
  message: string;
};

export interface RuleScore {
  expected: number;
  reported: number;
  /** Reported findings that matched an expected one. */
  matched: number;
}

export interface StatementScores {
  statements: number;
  /** By rule id, rules in the order the guard defines them; only rules seen in either list. */
  rules: Record<string, RuleScore>;
  misses: Array<{
    statement: string;
    problem: "missed" | "unexpected";
    rule: string;
    table?: string;
    column?: string;
    message?: string;
  }>;
}

function matches(expected: ExpectedFinding, finding: ScoredFinding): boolean {
  return (
    expected.rule === finding.rule &&
    (expected.column === undefined || expected.column === finding.column) &&
    (expected.table === undefined || expected.table === finding.table) &&
    (expected.concept === undefined || expected.concept === finding.concept)
  );
}

function findingsOf(
  knowledge: GuardKnowledge,
  statement: EvalFile["statements"][number],
  dialect: EvalFile["dialect"],
): ScoredFinding[] {
  try {
    // Screened as okf check-sql prints them: a literal in the SQL may be personal data.
    const checked = checkSql(knowledge, {
      sql: statement.sql,
      dialect: statement.dialect ?? dialect,
      ...(statement.source === undefined ? {} : { source: statement.source }),
      ...(statement.search_path === undefined ? {} : { searchPath: statement.search_path }),
    });
    return screenedResult(checked).findings;
  } catch (error) {
    if (!(error instanceof SqlParseError)) throw error;
    return [{ rule: parseErrorRule, table: "", message: error.message }];
  }
}

/** Runs every labelled statement through the guard and compares findings one to one. */
export function scoreStatements(knowledge: GuardKnowledge, file: EvalFile): StatementScores {
  const scores: StatementScores = { statements: file.statements.length, rules: {}, misses: [] };
  const rule = (id: string): RuleScore => {
    scores.rules[id] ??= { expected: 0, reported: 0, matched: 0 };
    return scores.rules[id];
  };
  for (const statement of file.statements) {
    const unmatched = findingsOf(knowledge, statement, file.dialect);
    for (const finding of unmatched) rule(finding.rule).reported++;
    for (const expected of statement.expect) {
      rule(expected.rule).expected++;
      const index = unmatched.findIndex((finding) => matches(expected, finding));
      if (index >= 0) {
        rule(expected.rule).matched++;
        unmatched.splice(index, 1);
      } else {
        scores.misses.push({
          statement: statement.id,
          problem: "missed",
          rule: expected.rule,
          ...(expected.table === undefined && expected.concept === undefined
            ? {}
            : { table: expected.table ?? expected.concept }),
          ...(expected.column === undefined ? {} : { column: expected.column }),
        });
      }
    }
    for (const finding of unmatched) {
      scores.misses.push({
        statement: statement.id,
        problem: "unexpected",
        rule: finding.rule,
        ...(finding.table === "" ? {} : { table: finding.table }),
        ...(finding.column === undefined ? {} : { column: finding.column }),
        message: finding.message,
      });
    }
  }
  return scores;
}
