import type { EnrichedDataset, Field } from "../model/index.js";
import { code, formatCount, formatPercent } from "./format.js";
import { tableCell } from "../bundle/markdown-table.js";

export interface SchemaRow {
  /** Table cells, already escaped. */
  field: string;
  type: string;
  nullable: string;
  key: string;
  description: string;
  profile: string;
}

export function schemaRows(
  dataset: EnrichedDataset,
  descriptions: ReadonlyMap<string, string>,
): SchemaRow[] {
  const primary = new Set(
    dataset.keys.filter((k) => k.kind === "primary").flatMap((k) => k.fields),
  );
  const unique = new Set(
    dataset.keys
      .filter((k) => k.kind === "unique" && k.fields.length === 1)
      .flatMap((k) => k.fields),
  );
  const foreign = new Set(dataset.foreignKeys.flatMap((fk) => fk.fromFields));
  return dataset.fields.map((field) => {
    const key = [
      primary.has(field.name) ? "PK" : "",
      foreign.has(field.name) ? "FK" : "",
      unique.has(field.name) && !primary.has(field.name) ? "UQ" : "",
    ].filter(Boolean);
    return {
      field: tableCell(field.path),
      type: tableCell(typeText(field)),
      nullable: field.nullable === undefined ? "" : field.nullable ? "yes" : "no",
      key: key.join(", "),
      description: tableCell(descriptions.get(field.path) ?? ""),
      profile: tableCell(profileText(field, primary.has(field.name))),
    };
  });
}

function typeText(field: Field): string {
  const parts = [field.type];
  if (field.identity)
    parts.push(`identity (${field.identity === "always" ? "always" : "by default"})`);
  if (field.generated) parts.push(`generated as ${field.generated}`);
  else if (field.default !== undefined && !field.identity) parts.push(`default ${field.default}`);
  return parts.join(", ");
}

function profileText(field: Field, isPrimary: boolean): string {
  const parts: string[] = [];
  if (field.enumValues && field.enumValues.length > 0) {
    parts.push(`values: ${field.enumValues.join(", ")}`);
  }
  const stats = field.stats;
  if (stats) {
    if (stats.distinctIsUnique || isPrimary) parts.push("distinct: unique");
    else if (stats.distinct !== undefined) parts.push(`distinct ≈ ${formatCount(stats.distinct)}`);
    if (stats.nullFraction !== undefined && stats.nullFraction > 0) {
      parts.push(`null ${formatPercent(stats.nullFraction)}`);
    }
  }
  return parts.join("; ");
}

/** The sentence under the table that says where the figures come from. */
export function schemaFootnote(dataset: EnrichedDataset): string | undefined {
  const sources = [...new Set(dataset.fields.flatMap((f) => (f.stats ? [f.stats.source] : [])))];
  if (sources.length === 0) return undefined;
  return `Figures: null rates and distinct counts from planner statistics (${sources.join(", ")}).`;
}

export function fieldList(fields: readonly string[]): string {
  return fields.map(code).join(", ");
}
