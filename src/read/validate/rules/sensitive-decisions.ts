import { splitRow, unescapeCell } from "../../../knowledge-file/markdown-table.js";
import { parsedFrontmatter } from "../../../knowledge-file/frontmatter-nodes.js";
import { heading, proseLines } from "../../../knowledge-file/markdown-lines.js";
import type { Rule } from "../types.js";

const separatorCell = /^\s*:?-{3,}:?\s*$/;

/** A Sensitive Fields row that still awaits a person's decision. */
export interface PendingDecision {
  /** File line number of the row. */
  line: number;
  field: string;
  category: string;
}

/**
 * docs/classification.md#decisions: the rows of the Sensitive Fields table whose Decision cell is empty. Shared by
 * the validate rule, `okf approve` and `okf status`, so that all three count the same rows.
 */
export function pendingSensitiveDecisions(body: string, bodyStartLine: number): PendingDecision[] {
  const pending: PendingDecision[] = [];
  let inSection: number | undefined;
  let decisionColumn: number | undefined;
  let tableSeen = false;
  for (const { line, text } of proseLines(body, bodyStartLine)) {
    const title = heading(text);
    if (title) {
      if (inSection !== undefined && title.level <= inSection) inSection = undefined;
      if (/^sensitive fields$/i.test(title.title)) inSection = title.level;
      decisionColumn = undefined;
      tableSeen = false;
      continue;
    }
    if (inSection === undefined) continue;
    const row = splitRow(text);
    if (!row) {
      // Only the first table of the section is the findings table.
      if (decisionColumn !== undefined) inSection = undefined;
      continue;
    }
    if (!tableSeen) {
      tableSeen = true;
      const index = row.findIndex((cell) => unescapeCell(cell).toLowerCase() === "decision");
      decisionColumn = index >= 0 ? index : row.length - 1;
      continue;
    }
    if (decisionColumn === undefined || row.every((cell) => separatorCell.test(cell))) continue;
    if (unescapeCell(row[decisionColumn] ?? "") !== "") continue;
    pending.push({
      line,
      field: unescapeCell(row[0] ?? "").replace(/^`+|`+$/g, ""),
      category: unescapeCell(row[1] ?? ""),
    });
  }
  return pending;
}

/** docs/classification.md#decisions: a Sensitive Fields row whose Decision cell is empty awaits a person's decision. */
export const sensitiveDecisionsRule: Rule = {
  name: "sensitive-decisions",
  check(file) {
    if (file.role !== "concept") return [];
    const values = parsedFrontmatter(file)?.values ?? {};
    if (values.approval_status === "deprecated" || values.status === "deprecated") return [];
    return pendingSensitiveDecisions(file.body, file.bodyStartLine).map(
      ({ line, field, category }) => ({
        line,
        rule: "governance/pending-decision",
        severity: "warning" as const,
        message: `sensitive field "${field}"${category ? ` (${category})` : ""} has no decision`,
        hint: "Write `confirmed` or `rejected` in the Decision cell of this row; a rejected finding no longer makes the file pii.",
      }),
    );
  },
};
