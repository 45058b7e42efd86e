/**
 * `npm run bench` (first part): the sensitive-data classifier's precision and recall on the
 * labelled corpus, per-category confusion, and every field it gets wrong. Prints field paths
 * and categories only, never a sampled value. Exits 1 when the targets are missed.
 */
import { loadCorpus, type CorpusDataset } from "./classifier-corpus.js";
import { mistakes, none, scoreCorpus, targets, type CorpusScores } from "./classifier-scores.js";

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;

function summaryRow(name: string, scores: CorpusScores): string {
  return `| ${name} | ${String(scores.fields)} | ${String(scores.sensitiveFields)} | ${percent(scores.detectionRecall)} | ${percent(scores.detectionPrecision)} | ${percent(scores.categoryRecall)} | ${percent(scores.categoryPrecision)} |`;
}

function confusionTable(scores: CorpusScores): string[] {
  const labels = [...scores.confusion.keys()].sort((a, b) =>
    a === none ? 1 : b === none ? -1 : a.localeCompare(b),
  );
  const predicted = new Set<string>();
  for (const row of scores.confusion.values()) for (const key of row.keys()) predicted.add(key);
  const columns = [...predicted].sort((a, b) =>
    a === none ? 1 : b === none ? -1 : a.localeCompare(b),
  );
  const lines = [
    `| label \\ found | ${columns.join(" | ")} |`,
    `| --- | ${columns.map(() => "---:").join(" | ")} |`,
  ];
  for (const label of labels) {
    const row = scores.confusion.get(label);
    const cells = columns.map((column) => {
      const count = row?.get(column) ?? 0;
      return count === 0 ? "·" : String(count);
    });
    lines.push(`| ${label} | ${cells.join(" | ")} |`);
  }
  return lines;
}

function mistakeLines(scores: CorpusScores): string[] {
  const wrong = mistakes(scores);
  if (wrong.length === 0) return ["(none)"];
  return wrong.map(
    (outcome) =>
      `- ${outcome.field}: labelled ${outcome.label}, found ${outcome.predicted.join(", ") || none}`,
  );
}

async function runClassifierBench(): Promise<boolean> {
  const corpus = await loadCorpus();
  const sampled = corpus.filter((entry: CorpusDataset) => entry.group === "sampled");
  const heldOut = corpus.filter((entry: CorpusDataset) => entry.group === "held_out_names");
  const withValues = scoreCorpus(sampled, true);
  const namesOnly = scoreCorpus(sampled, false);
  const heldOutScores = scoreCorpus(heldOut, true);
  const lines = [
    "# Classifier on the labelled corpus (test/fixtures/classifier-corpus/corpus.json)",
    "",
    "| run | fields | sensitive | recall (detected) | precision (detected) | recall (category) | precision (category) |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    summaryRow("corpus, names and sampled values", withValues),
    summaryRow("corpus, names only (--no-profile)", namesOnly),
    summaryRow("held-out public schemas, names only", heldOutScores),
    "",
    "Confusion, corpus with sampled values (rows: label; columns: categories found):",
    "",
    ...confusionTable(withValues),
    "",
    "Wrong with sampled values:",
    ...mistakeLines(withValues),
    "",
    "Wrong with names only:",
    ...mistakeLines(namesOnly),
    "",
    "Wrong on the held-out schemas:",
    ...mistakeLines(heldOutScores),
    "",
  ];
  const met =
    withValues.categoryRecall >= targets.recall &&
    withValues.categoryPrecision >= targets.precision;
  lines.push(
    `Targets (corpus with sampled values, by category): recall ≥ ${percent(targets.recall)}, precision ≥ ${percent(targets.precision)}: ${met ? "met" : "MISSED"}`,
  );
  process.stdout.write(`${lines.join("\n")}\n`);
  return met;
}

if (!(await runClassifierBench())) process.exitCode = 1;
