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
