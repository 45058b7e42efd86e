import type { EnrichedDataset, Field } from "../model/index.js";
import { familyOfTypeName } from "../classifier/type-family.js";
import { profileText, sensitivePaths } from "./profile-view.js";
import { pathCell, sourceCell, tableCell } from "../knowledge-file/markdown-table.js";
import { code } from "./format.js";
import { inlineSource } from "../knowledge-file/markdown-text.js";
import { samplingText } from "./sampling-text.js";
import { baseColumnCell, baseColumnFootnote, lineageCell } from "./lineage-view.js";

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
  decisions: ReadonlyMap<string, string>,
): SchemaRow[] {
  const sensitive = sensitivePaths(dataset, decisions);
  const profiles = new Map(dataset.profile?.fields.map((p) => [p.path, p]));
  const primary = new Set(
    dataset.keys.filter((k) => k.kind === "primary").flatMap((k) => k.fields),
  );
  const unique = new Set(
    dataset.keys
      .filter((k) => k.kind === "unique" && k.fields.length === 1)
      .flatMap((k) => k.fields),
  );
  const singleKeys = new Set(
    dataset.keys.filter((k) => k.fields.length === 1).flatMap((k) => k.fields),
  );
  const foreign = new Set(dataset.foreignKeys.flatMap((fk) => fk.fromFields));
  const tableRows = dataset.stats?.rowEstimate;
  const layout = layoutKeys(dataset);
  const rows = dataset.fields.map((field) => {
    const key = [
      primary.has(field.name) ? "PK" : "",
      foreign.has(field.name) ? "FK" : "",
      unique.has(field.name) && !primary.has(field.name) ? "UQ" : "",
      ...(layout.get(field.path) ?? []),
    ].filter(Boolean);
    return {
      field: pathCell(field.path),
      type: typeCell(field),
      nullable: field.nullable === undefined ? "" : field.nullable ? "yes" : "no",
      key: key.join(", "),
      description: tableCell(descriptions.get(field.path) ?? ""),
      profile: [
        lineageCell(field),
        baseColumnCell(field, profiles.get(field.path), sensitive.has(field.path)),
        sourceCell(
          profileText(field, profiles.get(field.path), {
            // Only a key of this column alone makes its values unique (not a composite key's).
            uniqueKey: singleKeys.has(field.name),
            sensitive: sensitive.has(field.path),
            temporal: familyOfTypeName(field.domain?.baseType ?? field.type) === "date",
            tableRows,
            complete: dataset.profile?.complete,
          }),
        ),
      ]
        .filter(Boolean)
        .join("; "),
    };
  });
  return [...rows, ...nestedRows(dataset, descriptions, sensitive)];
}

/**
 * Layout roles a column plays besides constraints: Hive partition column (`partition 1`),
 * Redshift distribution key (`dist`) and sort key position (`sort 1`).
 */
function layoutKeys(dataset: EnrichedDataset): Map<string, string[]> {
  const roles = new Map<string, string[]>();
  const add = (field: string, role: string) => {
    roles.set(field, [...(roles.get(field) ?? []), role]);
  };
  dataset.storage?.partitionKeys.forEach((field, index) => {
    add(field, `partition ${index + 1}`);
  });
  if (dataset.warehouse?.distKey !== undefined) add(dataset.warehouse.distKey, "dist");
  dataset.warehouse?.sortKeys.forEach((field, index) => {
    add(field, `sort ${index + 1}`);
  });
  return roles;
}

/** Paths the sample found inside structured columns (`address.city` in a jsonb column). */
function nestedRows(
  dataset: EnrichedDataset,
  descriptions: ReadonlyMap<string, string>,
  sensitive: ReadonlySet<string>,
): SchemaRow[] {
  const declared = new Set(dataset.fields.map((f) => f.path));
  return (dataset.profile?.fields ?? [])
    .filter((profile) => !declared.has(profile.path))
    .map((profile) => ({
      field: pathCell(profile.path),
      type: sourceCell(
        Object.keys(profile.types)
          .filter((type) => type !== "null")
          .sort()
          .join(" | "),
      ),
      nullable: "",
      key: "",
      description: tableCell(descriptions.get(profile.path) ?? ""),
      profile: sourceCell(
        profileText(undefined, profile, {
          sensitive: sensitive.has(profile.path),
          tableRows: dataset.stats?.rowEstimate,
          complete: dataset.profile?.complete,
        }),
      ),
    }));
}

/**
 * The Type cell. A type or expression with `<` or `>` (`array<string>`, `struct<a:int>`,
 * `a > 0`) is a code span: GitHub would read it as an HTML tag, and entities (`&lt;`) are read
 * literally by agents. Other text is escaped as source text.
 */
function typeCell(field: Field): string {
  const part = (text: string) => (/[<>]/.test(text) ? codeCell(text) : pathCell(text));
  const parts = [part(field.type)];
  if (field.identity) parts.push(identityWords[field.identity]);
  if (field.generated) parts.push(`generated as ${part(field.generated)}`);
  else if (field.default !== undefined && !field.identity)
    parts.push(`default ${part(field.default)}`);
  return parts.join(", ");
}

const identityWords: Record<NonNullable<Field["identity"]>, string> = {
  always: "identity (always)",
  by_default: "identity (by default)",
  auto_increment: "auto-increment",
};

/** A code span in a table cell: GFM reads `\|` inside it as a pipe that does not end the cell. */
function codeCell(text: string): string {
  return code(text.trim()).replace(/\|/g, "\\|");
}

/** The sentence under the table that says where the figures come from. */
export function schemaFootnote(
  dataset: EnrichedDataset,
  decisions: ReadonlyMap<string, string> = new Map(),
): string | undefined {
  const statistics = [...new Set(dataset.fields.flatMap((f) => (f.stats ? [f.stats.source] : [])))];
  const parts: string[] = [];
  if (statistics.length > 0) {
    parts.push(`null rates and distinct counts from planner statistics (${statistics.join(", ")})`);
  }
  const sampling = dataset.profile?.sampling;
  if (sampling?.status === "read") {
    const what =
      statistics.length > 0
        ? "values, ranges and shapes"
        : "null rates, distinct counts, values, ranges and shapes";
    parts.push(`${what} from ${inlineSource(sampling.method)}`);
  } else if (sampling) {
    parts.push(inlineSource(samplingText(sampling)));
  }
  const base = baseColumnFootnote(dataset, sensitivePaths(dataset, decisions));
  if (base) parts.push(base);
  return parts.length > 0 ? `Figures: ${parts.join("; ")}.` : undefined;
}
