/** The Schema table row of `column` in a knowledge file, split into its cells. */
function schemaCells(markdown: string, column: string): string[] {
  const row = markdown.split("\n").find((line) => line.startsWith(`| ${column} |`));
  return row?.split(" | ") ?? [];
}

/** The Profile cell (the row's last) of `column`, or "" when there is no such row. */
export function profileCell(markdown: string, column: string): string {
  const row = markdown.split("\n").find((line) => line.startsWith(`| ${column} |`));
  return row?.split("|").at(-2)?.trim() ?? "";
}

/** The Type cell of `column`, or "" when there is no such row. */
export function typeCell(markdown: string, column: string): string {
  return schemaCells(markdown, column)[1] ?? "";
}

/**
 * `markdown` with the Decision cell of the Sensitive Fields row for `field` and `category` set to
 * `decision`; the row's other cells, the Masking cell among them, stay as they are.
 */
export function decideFinding(
  markdown: string,
  field: string,
  category: string,
  decision: string,
): string {
  const prefix = `| ${field} | ${category} |`;
  return markdown
    .split("\n")
    .map((line) => {
      if (!line.startsWith(prefix)) return line;
      // Cells between the outer pipes; Field | Category | Confidence | Evidence | Decision | Masking.
      const cells = line.slice(1, -1).split(/(?<!\\)\|/);
      cells[cells.length - 2] = ` ${decision} `;
      return `|${cells.join("|")}|`;
    })
    .join("\n");
}
