import type { ValidationReport } from "./types.js";

/**
 * A listing for people: one line per finding with its place, severity and rule, the fix
 * indented under it, then a summary line.
 */
export function formatReport(report: ValidationReport): string {
  const prefix =
    report.bundle === "." || report.bundle === ""
      ? ""
      : `${report.bundle.replace(/\\/g, "/").replace(/\/+$/, "")}/`;
  const lines = report.findings.map((finding) => {
    const place = `${prefix}${finding.file}${finding.line === undefined ? "" : `:${finding.line}`}`;
    return `${place}  ${finding.severity}  ${finding.rule}  ${finding.message}\n    fix: ${finding.hint}`;
  });
  const checked = `${plural(report.files, "file")} checked`;
  const summary =
    report.findings.length === 0
      ? `${checked}: no problems found.`
      : `${checked}: ${plural(report.errorCount, "error")}, ${plural(report.warningCount, "warning")}.`;
  return [...lines, ...(lines.length > 0 ? [""] : []), summary, ""].join("\n");
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
