import { splitRow, unescapeCell } from "../../bundle/markdown-table.js";
import { parsedFrontmatter } from "../frontmatter-nodes.js";
import { heading, proseLines } from "../markdown-lines.js";
import type { Rule, RuleFinding } from "../types.js";

const separatorCell = /^\s*:?-{3,}:?\s*$/;

/** DESIGN §5.4: a Sensitive Fields row whose Decision cell is empty awaits a person's decision. */
export const sensitiveDecisionsRule: Rule = {
  name: "sensitive-decisions",
  check(file) {
    if (file.role !== "concept") return [];
    const values = parsedFrontmatter(file)?.values ?? {};
    if (values.approval_status === "deprecated" || values.status === "deprecated") return [];
    const findings: RuleFinding[] = [];
    let inSection: number | undefined;
    let decisionColumn: number | undefined;
    let tableSeen = false;
    for (const { line, text } of proseLines(file.body, file.bodyStartLine)) {
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
      const field = unescapeCell(row[0] ?? "").replace(/^`+|`+$/g, "");
      const category = unescapeCell(row[1] ?? "");
      findings.push({
        line,
        rule: "governance/pending-decision",
        severity: "warning",
        message: `sensitive field "${field}"${category ? ` (${category})` : ""} has no decision`,
        hint: "Write `confirmed` or `rejected` in the Decision cell of this row; a rejected finding no longer makes the file pii.",
      });
    }
    return findings;
  },
};
