import { findSensitiveLiterals, maskLiteral } from "../../detectors/index.js";
import { redact } from "../../secrets.js";
import type { SqlCheckResult } from "./check-sql.js";

/**
 * The result with every text passed through the detectors, as all okf output is: a literal that
 * looks like personal data or a secret (in a table name as written, or in guidance text) is
 * masked, and known secrets are redacted.
 */
export function screenedResult(result: SqlCheckResult): SqlCheckResult {
  return {
    statements: result.statements.map((statement) => ({
      ...statement,
      tables: statement.tables.map(safeText),
    })),
    findings: result.findings.map((finding) => {
      const screened = {
        ...finding,
        table: safeText(finding.table),
        message: safeText(finding.message),
      };
      if (finding.column !== undefined) screened.column = safeText(finding.column);
      if (finding.guidance !== undefined) screened.guidance = safeText(finding.guidance);
      return screened;
    }),
  };
}

function safeText(text: string): string {
  const literals = findSensitiveLiterals(text).sort((a, b) => b.index - a.index);
  let masked = text;
  for (const literal of literals) {
    const value = masked.slice(literal.index, literal.index + literal.length);
    masked =
      masked.slice(0, literal.index) +
      maskLiteral(literal.kind, value) +
      masked.slice(literal.index + literal.length);
  }
  return redact(masked);
}

export function errorCount(result: SqlCheckResult): number {
  return result.findings.filter((finding) => finding.severity === "error").length;
}

/** Findings grouped by statement, for people. */
export function formatCheck(result: SqlCheckResult): string {
  const lines: string[] = [];
  for (const statement of result.statements) {
    const findings = result.findings.filter((finding) => finding.statement === statement.index);
    const tables = statement.tables.length === 0 ? "no tables" : statement.tables.join(", ");
    lines.push(`statement ${String(statement.index)} (${statement.kind}): ${tables}`);
    for (const finding of findings) {
      const where =
        finding.column === undefined ? finding.table : `${finding.table}.${finding.column}`;
      lines.push(`  ${finding.severity} ${finding.rule}  ${where}`, `    ${finding.message}`);
      if (finding.guidance !== undefined) {
        const [first, ...more] = finding.guidance.split("\n");
        lines.push(`    guidance: ${first ?? ""}`, ...more.map((line) => `      ${line}`));
      }
    }
  }
  const errors = errorCount(result);
  const warnings = result.findings.length - errors;
  const count = (n: number, word: string): string => `${String(n)} ${word}${n === 1 ? "" : "s"}`;
  lines.push(
    result.findings.length === 0
      ? `No findings in ${count(result.statements.length, "statement")}.`
      : `${count(errors, "error")}, ${count(warnings, "warning")} in ${count(result.statements.length, "statement")}.`,
  );
  return `${lines.join("\n")}\n`;
}
