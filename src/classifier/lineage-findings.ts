import type { DatasetRef, Field, SensitiveFinding } from "../model/index.js";
import { higherConfidence } from "./field-facts.js";

/**
 * The findings already made for another dataset of the same source, when it has been
 * classified this run (the pipeline passes them in; the classifier never reads the bundle).
 */
export type BaseFindings = (ref: DatasetRef) => readonly SensitiveFinding[] | undefined;

/** `public.customer.email`: schema (or database) and table, as the allow-list names them. */
function qualifiedColumn(ref: DatasetRef, field: string): string {
  return [ref.schema ?? ref.database, ref.name, field]
    .filter((part) => part !== undefined)
    .join(".");
}

/**
 * A view column that reads a base column unchanged holds that column's values, so each of the
 * base column's findings holds for it too, at the same confidence, with evidence naming the
 * base column. By the view column's path.
 */
export function carriedFindings(
  fields: readonly Field[],
  baseFindings: BaseFindings | undefined,
): Map<string, SensitiveFinding[]> {
  const carried = new Map<string, SensitiveFinding[]>();
  if (!baseFindings) return carried;
  for (const field of fields) {
    const lineage = field.lineage;
    if (!lineage) continue;
    const base = (baseFindings(lineage.ref) ?? []).filter((f) => f.path === lineage.field);
    if (base.length === 0) continue;
    const from = qualifiedColumn(lineage.ref, lineage.field);
    carried.set(
      field.path,
      base.map((finding) => ({
        path: field.path,
        category: finding.category,
        confidence: finding.confidence,
        evidence: [`comes from ${from}, which is reported as ${finding.category}`],
      })),
    );
  }
  return carried;
}

/**
 * The field's own findings with the carried ones: one per category, at the higher of the two
 * confidences, with the evidence of both.
 */
export function withCarried(
  own: readonly SensitiveFinding[],
  carried: readonly SensitiveFinding[],
): SensitiveFinding[] {
  const byCategory = new Map(own.map((finding) => [finding.category, finding]));
  for (const finding of carried) {
    const existing = byCategory.get(finding.category);
    byCategory.set(
      finding.category,
      existing
        ? {
            ...existing,
            confidence: higherConfidence(finding.confidence, existing.confidence)
              ? finding.confidence
              : existing.confidence,
            evidence: [...existing.evidence, ...finding.evidence],
          }
        : finding,
    );
  }
  return [...byCategory.values()];
}
