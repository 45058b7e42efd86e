import { guardRules } from "../guard/guard-rules.js";
import { parseErrorRule } from "./eval-file.js";
import type { EvalReport } from "./run-evaluation.js";

const percent = (value: number | undefined): string =>
  value === undefined ? "n/a" : `${(value * 100).toFixed(1)}%`;

const ruleOrder: readonly string[] = [...guardRules, parseErrorRule];

/** The report for people: the figures, then every miss, then the gates. */
export function formatEvaluation(report: EvalReport): string {
  const { retrieval, joins, sensitive, guard } = report;
  const lines = [
    `Questions: ${String(report.questions)}   Statements: ${String(report.statements)}`,
    "",
    `Retrieval     top-1 ${percent(retrieval.top1)}   top-3 ${percent(retrieval.top3)}   MRR ${retrieval.mrr === undefined ? "n/a" : retrieval.mrr.toFixed(3)}`,
    `Joins         ${percent(joins.accuracy)} right of ${String(joins.checked)}`,
    `Sensitive     recall ${percent(sensitive.recall)}   precision ${percent(sensitive.precision)}   (${String(sensitive.expected)} labelled, ${String(sensitive.reported)} reported)`,
    `Guard         recall ${percent(guard.recall)}   precision ${percent(guard.precision)}`,
  ];
  const rules = Object.keys(guard.rules).sort(
    (a, b) => ruleOrder.indexOf(a) - ruleOrder.indexOf(b),
  );
  for (const rule of rules) {
    const score = guard.rules[rule];
    if (score === undefined) continue;
    lines.push(
      `  ${rule.padEnd(18)} recall ${percent(score.recall).padStart(6)}   precision ${percent(score.precision).padStart(6)}   (${String(score.expected)} expected, ${String(score.reported)} reported)`,
    );
  }
  lines.push(...missLines(report));
  if (report.gates.length > 0) lines.push("");
  for (const gate of report.gates) {
    const verdict = gate.passed ? "passed" : "FAILED";
    // min-guard measures the lower of the two, which a reader cannot guess from the figures.
    const measured = gate.gate === "min-guard" ? "lower of recall and precision" : "top-1";
    lines.push(
      `Gate --${gate.gate} ${percent(gate.threshold)}: ${verdict} (${measured} ${percent(gate.measured)})`,
    );
  }
  return `${lines.join("\n")}\n`;
}

function missLines(report: EvalReport): string[] {
  const { misses } = report;
  const lines: string[] = [];
  const block = (title: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push("", `${title} (${String(items.length)}):`, ...items.map((item) => `  ${item}`));
  };
  block(
    "Retrieval misses",
    misses.retrieval.map(
      (miss) =>
        `${miss.question}: expected ${miss.expected.join(" or ")}, ${miss.rank === undefined ? "not in the top 10" : `rank ${String(miss.rank)}`}; top hits: ${miss.got.join(", ") || "none"}`,
    ),
  );
  block(
    "Join misses",
    misses.joins.map((miss) => `${miss.question}: ${miss.join}: ${miss.problem}`),
  );
  block(
    "Sensitive misses",
    misses.sensitive.map(
      (miss) => `${miss.question}: ${miss.concept}.${miss.field}: ${miss.problem}`,
    ),
  );
  block(
    "Guard misses",
    misses.guard.map((miss) => {
      const where = [miss.table, miss.column].filter(Boolean).join(" ");
      const what = `${miss.problem} ${miss.rule}${where ? ` (${where})` : ""}`;
      return `${miss.statement}: ${what}${miss.message ? `: ${miss.message}` : ""}`;
    }),
  );
  return lines;
}
