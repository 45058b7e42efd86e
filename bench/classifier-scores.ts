/** Precision, recall and confusion of the classifier over the labelled corpus. */
import { classifyDataset } from "../src/classifier/classify-dataset.js";
import type { EnrichedDataset } from "../src/model/index.js";
import type { CorpusDataset } from "./classifier-corpus.js";

/** Issue 3: on the corpus with sampled values, by category. */
export const targets = { recall: 0.95, precision: 0.9 };

/** "none" stands for no label (not sensitive) or no finding. */
export const none = "none";

export interface FieldOutcome {
  field: string;
  label: string;
  predicted: string[];
}

export interface CorpusScores {
  fields: number;
  sensitiveFields: number;
  /** Sensitive fields with at least one finding / sensitive fields. */
  detectionRecall: number;
  /** Fields with a finding that are sensitive / fields with a finding. */
  detectionPrecision: number;
  /** Sensitive fields whose findings include their label / sensitive fields. */
  categoryRecall: number;
  /** Findings whose category is the field's label / findings. */
  categoryPrecision: number;
  /** label → predicted category → count (a field with no finding counts under "none"). */
  confusion: Map<string, Map<string, number>>;
  outcomes: FieldOutcome[];
  classified: EnrichedDataset[];
}

export function scoreCorpus(corpus: readonly CorpusDataset[], useSamples = true): CorpusScores {
  const outcomes: FieldOutcome[] = [];
  const classified: EnrichedDataset[] = [];
  for (const entry of corpus) {
    const dataset = useSamples ? entry.dataset : { ...entry.dataset, profile: undefined };
    const result = classifyDataset(dataset, useSamples ? entry.samples : new Map(), {});
    classified.push(result);
    for (const [path, label] of entry.labels) {
      const predicted = result.findings.filter((f) => f.path === path).map((f) => f.category);
      outcomes.push({
        field: `${entry.dataset.ref.name}.${path}`,
        label: label ?? none,
        predicted,
      });
    }
  }
  const sensitive = outcomes.filter((outcome) => outcome.label !== none);
  const flagged = outcomes.filter((outcome) => outcome.predicted.length > 0);
  const findings = outcomes.flatMap((outcome) =>
    outcome.predicted.map((category) => category === outcome.label),
  );
  return {
    fields: outcomes.length,
    sensitiveFields: sensitive.length,
    detectionRecall: ratio(
      sensitive.filter((o) => o.predicted.length > 0).length,
      sensitive.length,
    ),
    detectionPrecision: ratio(flagged.filter((o) => o.label !== none).length, flagged.length),
    categoryRecall: ratio(
      sensitive.filter((o) => o.predicted.includes(o.label)).length,
      sensitive.length,
    ),
    categoryPrecision: ratio(findings.filter(Boolean).length, findings.length),
    confusion: confusionOf(outcomes),
    outcomes,
    classified,
  };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

function confusionOf(outcomes: readonly FieldOutcome[]): Map<string, Map<string, number>> {
  const confusion = new Map<string, Map<string, number>>();
  for (const outcome of outcomes) {
    const row = confusion.get(outcome.label) ?? new Map<string, number>();
    for (const category of outcome.predicted.length > 0 ? outcome.predicted : [none]) {
      row.set(category, (row.get(category) ?? 0) + 1);
    }
    confusion.set(outcome.label, row);
  }
  return confusion;
}

/** The fields the classifier got wrong: missed, wrong category, or reported when not sensitive. */
export function mistakes(scores: CorpusScores): FieldOutcome[] {
  return scores.outcomes.filter(
    (outcome) =>
      (outcome.label === none && outcome.predicted.length > 0) ||
      (outcome.label !== none && !outcome.predicted.includes(outcome.label)) ||
      outcome.predicted.some((category) => category !== outcome.label),
  );
}
