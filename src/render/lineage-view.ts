import type { EnrichedDataset, Field, FieldProfile } from "../model/index.js";
import { sourceCell } from "../knowledge-file/markdown-table.js";
import { code } from "./format.js";
import { profileText } from "./profile-view.js";

/** `public.customer.email`: schema (or database), table and column. */
function columnName(lineage: NonNullable<Field["lineage"]>): string {
  const { ref, field } = lineage;
  return [ref.schema ?? ref.database, ref.name, field].filter((p) => p !== undefined).join(".");
}

/** What a view column's Profile cell says first: the column it comes from, as a code span. */
export function lineageCell(field: Field): string | undefined {
  if (!field.lineage) return undefined;
  // Inside a table cell a code span still ends at an unescaped pipe.
  return `from ${code(columnName(field.lineage)).replace(/\|/g, "\\|")}`;
}

/**
 * A view column the view's own sample did not profile shows its base column's planner
 * statistics instead, labelled as the base column's: the view may filter, join or repeat rows,
 * so they are not the view's figures, and they never say that values are unique.
 */
export function baseColumnCell(
  field: Field,
  profile: FieldProfile | undefined,
  sensitive: boolean,
): string | undefined {
  const stats = field.lineage?.stats;
  if (!stats || profile || sensitive) return undefined;
  const { distinctIsUnique: _unique, ...figures } = stats;
  const text = profileText({ stats: figures }, undefined, { sensitive: false });
  return text === "" ? undefined : sourceCell(`base column (${stats.source}): ${text}`);
}

/** The footnote's sentence for base column figures, when a row of the table shows some. */
export function baseColumnFootnote(
  dataset: EnrichedDataset,
  sensitive: ReadonlySet<string>,
): string | undefined {
  const profiles = new Map(dataset.profile?.fields.map((p) => [p.path, p]));
  const shown = dataset.fields.some((field) =>
    baseColumnCell(field, profiles.get(field.path), sensitive.has(field.path)),
  );
  return shown
    ? "base column figures are the planner statistics of the column a view column comes " +
        "from, not the view's own: the view may filter, join or repeat rows"
    : undefined;
}
