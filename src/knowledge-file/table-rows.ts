import { splitRow, unescapeCell } from "./markdown-table.js";

/**
 * One row of a generated table as it stands in the file: each cell as written (escapes kept,
 * trimmed), by its header in lower case. A row people added is written back from these cells,
 * so that it keeps its text whatever columns the table has now.
 */
export type TableRow = ReadonlyMap<string, string>;

const delimiterCell = /^\s*:?-{3,}:?\s*$/;

/** The rows of the first table in `markdown`, under its own headers. */
export function readTableRows(markdown: string): TableRow[] {
  const rows: TableRow[] = [];
  let headers: string[] | undefined;
  for (const line of markdown.split("\n")) {
    const cells = splitRow(line);
    if (!cells) {
      if (headers) break;
      continue;
    }
    if (!headers) {
      headers = cells.map((cell) => unescapeCell(cell).toLowerCase());
      continue;
    }
    if (cells.every((cell) => delimiterCell.test(cell))) continue;
    const row = new Map<string, string>();
    headers.forEach((header, index) => row.set(header, (cells[index] ?? "").trim()));
    rows.push(row);
  }
  return rows;
}

/** A cell's text as people read it: unescaped, code spans unwrapped, spaces collapsed. */
export function cellKey(cell: string): string {
  const text = unescapeCell(cell).replace(/\s+/g, " ").trim();
  const match = /^(`+)\s?([^`]*?)\s?\1$/.exec(text);
  return (match?.[2] ?? text).replace(/&lt;/g, "<").replace(/&gt;/g, ">");
}

/** A Join or Relationships key: the cell as written, unescaped, with whitespace collapsed. */
export function joinKey(cell: string): string {
  return unescapeCell(cell).replace(/\s+/g, " ").trim();
}
