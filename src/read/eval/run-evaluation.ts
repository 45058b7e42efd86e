import type { ConceptRecord } from "../concepts/concept-record.js";
import { buildGuardKnowledge, initSqlParser, type GuardPolicy } from "../guard/check-sql.js";
import type { EvalFile } from "./eval-file.js";
import { scoreQuestions, type QuestionScores } from "./score-questions.js";
import { scoreStatements, type RuleScore, type StatementScores } from "./score-statements.js";

export interface Gates {
  /** Top-1 retrieval accuracy must be at least this. */
  minRetrieval?: number;
  /** The guard's precision and its recall must each be at least this. */
  minGuard?: number;
}

interface GateResult {
  gate: "min-retrieval" | "min-guard";
  threshold: number;
  measured: number;
  passed: boolean;
}

/** What `okf eval --json` prints (docs/evaluation.md). A ratio is undefined when nothing counts. */
export interface EvalReport {
  questions: number;
  statements: number;
  retrieval: { top1?: number; top3?: number; mrr?: number };
  joins: { accuracy?: number; checked: number };
  sensitive: { recall?: number; precision?: number; expected: number; reported: number };
  guard: {
    precision?: number;
    recall?: number;
    rules: Record<string, RuleScore & { precision?: number; recall?: number }>;
  };
  misses: {
    retrieval: QuestionScores["retrieval"]["misses"];
    joins: QuestionScores["joins"]["misses"];
    sensitive: QuestionScores["sensitive"]["misses"];
    guard: StatementScores["misses"];
  };
  gates: GateResult[];
}

const ratio = (part: number, whole: number): number | undefined =>
  whole === 0 ? undefined : part / whole;

/** Scores the bundle's records against a labelled file; `gates` come from flags or the file. */
export async function runEvaluation(
  records: readonly ConceptRecord[],
  policy: GuardPolicy,
  file: EvalFile,
  gates: Gates,
): Promise<EvalReport> {
  const asked = scoreQuestions(records, file.questions);
  await initSqlParser();
  const checked = scoreStatements(buildGuardKnowledge(records, policy), file);
  const totals = Object.values(checked.rules).reduce(
    (sum, rule) => ({
      expected: sum.expected + rule.expected,
      reported: sum.reported + rule.reported,
      matched: sum.matched + rule.matched,
    }),
    { expected: 0, reported: 0, matched: 0 },
  );
  const questions = file.questions.length;
  const report: EvalReport = {
    questions,
    statements: file.statements.length,
    retrieval: {
      ...optional("top1", ratio(asked.retrieval.top1, questions)),
      ...optional("top3", ratio(asked.retrieval.top3, questions)),
      ...optional("mrr", questions === 0 ? undefined : asked.retrieval.mrr),
    },
    joins: {
      ...optional("accuracy", ratio(asked.joins.right, asked.joins.checked)),
      checked: asked.joins.checked,
    },
    sensitive: {
      ...optional("recall", ratio(asked.sensitive.found, asked.sensitive.expected)),
      ...optional("precision", ratio(asked.sensitive.found, asked.sensitive.reported)),
      expected: asked.sensitive.expected,
      reported: asked.sensitive.reported,
    },
    guard: {
      ...optional("precision", ratio(totals.matched, totals.reported)),
      ...optional("recall", ratio(totals.matched, totals.expected)),
      rules: Object.fromEntries(
        Object.entries(checked.rules).map(([rule, score]) => [
          rule,
          {
            ...score,
            ...optional("precision", ratio(score.matched, score.reported)),
            ...optional("recall", ratio(score.matched, score.expected)),
          },
        ]),
      ),
    },
    misses: {
      retrieval: asked.retrieval.misses,
      joins: asked.joins.misses,
      sensitive: asked.sensitive.misses,
      guard: checked.misses,
    },
    gates: [],
  };
  report.gates = gateResults(report, gates);
  return report;
}

function optional<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}

/**
 * An unmeasurable figure (no questions, no statements) fails its gate: nothing was shown. With
 * statements, no finding reported is full precision and no finding expected full recall.
 */
function gateResults(report: EvalReport, gates: Gates): GateResult[] {
  const results: GateResult[] = [];
  if (gates.minRetrieval !== undefined) {
    const measured = report.retrieval.top1 ?? 0;
    results.push({
      gate: "min-retrieval",
      threshold: gates.minRetrieval,
      measured,
      passed: measured >= gates.minRetrieval,
    });
  }
  if (gates.minGuard !== undefined) {
    const measured =
      report.statements === 0 ? 0 : Math.min(report.guard.precision ?? 1, report.guard.recall ?? 1);
    results.push({
      gate: "min-guard",
      threshold: gates.minGuard,
      measured,
      passed: measured >= gates.minGuard,
    });
  }
  return results;
}
