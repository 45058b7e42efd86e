/**
 * Reads and writes the cells of generated markdown tables, so that cells people own
 * (Description, Decision) can be carried from the file into the next rendering.
 */
import { oneLine, spacedLines } from "./markdown-text.js";

/** Escapes a value for one table cell: no line breaks, no unescaped pipes. */
export function tableCell(value: string): string {
  return value
    .replace(/(?:\r\n?|[\n\u2028\u2029])+/g, " ")
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .trim();
}

/**
 * A field path as the first cell of a row. `<key>` (a collapsed map key) would read as an HTML
 * tag and vanish on GitHub, so angle brackets become entities; `readTableColumn` decodes them.
 */
export function pathCell(path: string): string {
  return tableCell(spacedLines(path)).replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * A source's text (a column comment, profile values) as the markdown of one cell: one line, and
 * no `<` that opens HTML (it becomes `&lt;`, which reads the same). People's own cell text is
 * markdown they wrote and is not passed through this.
 */
export function cellText(value: string): string {
  return oneLine(value).replace(/<(?=[A-Za-z/!?])/g, "&lt;");
}

/** A source's text as one escaped table cell. */
export function sourceCell(value: string): string {
  return tableCell(cellText(value));
}

export function unescapeCell(cell: string): string {
  return cell.trim().replace(/\\([\\|])/g, "$1");
}

export function splitRow(line: string): string[] | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith("|")) return undefined;
  const cells: string[] = [];
  let current = "";
  for (let i = 1; i < trimmed.length; i++) {
    const char = trimmed.charAt(i);
    if (char === "\\" && i + 1 < trimmed.length) {
      current += char + trimmed.charAt(i + 1);
      i++;
    } else if (char === "|") {
      cells.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  if (current.trim() !== "") cells.push(current);
  return cells;
}

/**
 * Maps the first-column value of every row of the first table in `markdown` whose header has
 * `column` to that column's (unescaped) cell. Rows are keyed by their first cell, with code
 * spans unwrapped, because field names may be rendered as code.
 */
export function readTableColumn(markdown: string, column: string): Map<string, string> {
  const cells = new Map<string, string>();
  let columnIndex: number | undefined;
  let inTable = false;
  for (const line of markdown.split("\n")) {
    const row = splitRow(line);
    if (!row) {
      if (inTable && columnIndex !== undefined) break;
      inTable = false;
      columnIndex = undefined;
      continue;
    }
    if (!inTable) {
      inTable = true;
      const index = row.findIndex(
        (cell) => unescapeCell(cell).toLowerCase() === column.toLowerCase(),
      );
      columnIndex = index >= 0 ? index : undefined;
      continue;
    }
    if (columnIndex === undefined || row.every((cell) => /^\s*:?-{3,}:?\s*$/.test(cell))) continue;
    const key = unwrapCode(unescapeCell(row[0] ?? ""))
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">");
    if (key !== "") cells.set(key, unescapeCell(row[columnIndex] ?? ""));
  }
  return cells;
}

function unwrapCode(text: string): string {
  const match = /^`+([^`]*)`+$/.exec(text);
  return match?.[1] ?? text;
}

/**
 * `markdown` with every cell of `column` emptied in the first table that has that column: what
 * a table says apart from the cells people own (Description, Decision).
 */
export function withoutTableColumn(markdown: string, column: string): string {
  let columnIndex: number | undefined;
  let done = false;
  return markdown
    .split("\n")
    .map((line) => {
      const row = done ? undefined : splitRow(line);
      if (!row) {
        if (columnIndex !== undefined) done = true;
        return line;
      }
      if (columnIndex === undefined) {
        const index = row.findIndex(
          (cell) => unescapeCell(cell).toLowerCase() === column.toLowerCase(),
        );
        if (index >= 0) columnIndex = index;
        return line;
      }
      return `|${row.map((cell, index) => (index === columnIndex ? " " : cell)).join("|")}|`;
    })
    .join("\n");
}
