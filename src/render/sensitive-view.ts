import type { EnrichedDataset } from "../model/index.js";
import { pathCell, sourceCell, tableCell } from "../knowledge-file/markdown-table.js";
import { cellKey, type TableRow } from "../knowledge-file/table-rows.js";
import { code } from "./format.js";
import type { RenderInput } from "./render-input.js";

/** The columns of the Sensitive Fields table, in order (docs/knowledge-files.md#sensitive-fields). */
export const sensitiveColumns = [
  "Field",
  "Category",
  "Confidence",
  "Evidence",
  "Decision",
  "Masking",
] as const;

export interface SensitiveView {
  /** Cells of each row, in `sensitiveColumns` order: the findings, then the person's rows. */
  rows: string[][];
  personRows: string[][];
  /** Sentences under the table: a person's row whose field is gone. */
  notes: string[];
}

/**
 * The Sensitive Fields table. Findings carry the Decision and Masking cells the file has for
 * their field; a row a person added for a field the classifier missed (Confidence `person`,
 * or Decision `confirmed` on a field okf finds nothing in) is written back as it stands.
 */
export function sensitiveView(input: RenderInput, fieldWord: string): SensitiveView {
  const { dataset } = input;
  const rows = dataset.findings.map((finding) => [
    pathCell(finding.path),
    finding.category,
    finding.confidence,
    sourceCell(finding.evidence.join("; ")),
    tableCell(input.decisions.get(finding.path) ?? ""),
    tableCell(input.maskings?.get(finding.path) ?? ""),
  ]);
  const person = personSensitiveRows(dataset, input.sensitiveRows ?? []);
  const personRows = person.map((row) =>
    sensitiveColumns.map((column) => {
      const cell = row.get(column.toLowerCase()) ?? "";
      return column === "Confidence" && cell === "" ? "person" : cell;
    }),
  );
  const paths = new Set(dataset.fields.map((field) => field.path));
  const notes = [
    ...new Set(
      person.map((row) => cellKey(row.get("field") ?? "")).filter((path) => !paths.has(path)),
    ),
  ].map(
    (path) =>
      `${code(path)}, added by a person, is no longer a ${fieldWord} here; its row is kept until a person removes it.`,
  );
  return { rows: [...rows, ...personRows], personRows, notes };
}

/**
 * The rows of the file's table that a person owns: added (Confidence `person`) or confirmed
 * for a field and category the classifier does not report. Whether the classifier reports it
 * tonight is decided by the caller; this keeps rows with a Field and a Category only.
 */
function personSensitiveRows(dataset: EnrichedDataset, rows: readonly TableRow[]): TableRow[] {
  const generated = new Set(dataset.findings.map((f) => rowKey(f.path, f.category)));
  return rows.filter((row) => {
    const field = cellKey(row.get("field") ?? "");
    const category = cellKey(row.get("category") ?? "");
    if (field === "" || category === "" || generated.has(rowKey(field, category))) return false;
    const confidence = cellKey(row.get("confidence") ?? "").toLowerCase();
    const decision = cellKey(row.get("decision") ?? "").toLowerCase();
    return confidence === "person" || decision === "confirmed";
  });
}

/** The person's rows that count like findings: those confirmed. */
export function confirmedPersonFields(
  dataset: EnrichedDataset,
  rows: readonly TableRow[],
): Array<{ path: string; category: string }> {
  return personSensitiveRows(dataset, rows)
    .filter((row) => cellKey(row.get("decision") ?? "").toLowerCase() === "confirmed")
    .map((row) => ({
      path: cellKey(row.get("field") ?? ""),
      category: cellKey(row.get("category") ?? ""),
    }));
}

function rowKey(field: string, category: string): string {
  return JSON.stringify([field, category]);
}
