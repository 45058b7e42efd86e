import { classificationOf, strictest } from "../classifier/categories.js";
import { stripRawValues } from "../classifier/strip-raw-values.js";
import type { TableRow } from "../knowledge-file/table-rows.js";
import type { Classification } from "../model/index.js";
import { confirmedPersonFields } from "../render/sensitive-view.js";
import type { KeptFacts } from "./last-observed.js";

/**
 * A field a person added to the Sensitive Fields table and confirmed counts like a finding:
 * its raw values leave the profile (and so the file and the state), and its category weighs in
 * the suggested classification. Its row itself is the person's, carried by render.
 */
export function withPersonSensitiveFields(kept: KeptFacts, rows: readonly TableRow[]): KeptFacts {
  const confirmed = confirmedPersonFields(kept.dataset, rows);
  if (confirmed.length === 0) return kept;
  const { dataset } = kept;
  const levels = [
    ...confirmed.map((field) => classificationOf(field.category)),
    ...withoutPublic(dataset.suggestedClassification),
  ];
  return {
    ...kept,
    dataset: {
      ...dataset,
      profile: stripRawValues(dataset.profile, new Set(confirmed.map((field) => field.path))),
      suggestedClassification: strictest(levels),
    },
  };
}

function withoutPublic(
  level: Classification | undefined,
): Array<Exclude<Classification, "public">> {
  return level === undefined || level === "public" ? [] : [level];
}
