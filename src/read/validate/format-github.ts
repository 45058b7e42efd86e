import { posix } from "node:path";
import type { ValidationFinding, ValidationReport } from "./types.js";

/**
 * Findings as GitHub Actions workflow commands, so a pull request shows them on the changed
 * lines: `::error file=…,line=…,title=…::message`. Escaping follows the Actions runner:
 * `%`, CR and LF in the message; also `:` and `,` in property values.
 */
export function formatGithubAnnotations(report: ValidationReport): string {
  const bundle = report.bundle.replace(/\\/g, "/").replace(/\/+$/, "");
  const lines = report.findings.map((finding) => annotation(finding, bundle));
  const checked = `${plural(report.files, "file")} checked`;
  const summary =
    report.findings.length === 0
      ? `okf validate: ${checked}: no problems found.`
      : `okf validate: ${checked}: ${plural(report.errorCount, "error")}, ${plural(report.warningCount, "warning")}.`;
  return [...lines, summary, ""].join("\n");
}

function annotation(finding: ValidationFinding, bundle: string): string {
  const file = bundle === "" || bundle === "." ? finding.file : posix.join(bundle, finding.file);
  const properties = [`file=${escapeProperty(file)}`];
  if (finding.line !== undefined) properties.push(`line=${finding.line}`);
  properties.push(`title=${escapeProperty(`okf ${finding.rule}`)}`);
  const message = `${finding.message} (fix: ${finding.hint})`;
  return `::${finding.severity} ${properties.join(",")}::${escapeData(message)}`;
}

export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
