import type { ExtractResult, FileChange, SourceOutcome } from "../../pipeline/extract-types.js";
import { codeSpan, fileLink, plainText, type LinkPlace } from "./drift-links.js";

export interface DriftSummaryOptions extends LinkPlace {
  /** The day of the run, `YYYY-MM-DD`, for the title. */
  date: string;
}

const actionWord: Record<FileChange["action"], string> = {
  created: "Created",
  changed: "Changed",
  deprecated: "Deprecated",
};

/** Said by the approval marker already; the log keeps it as a detail. */
const approvalDetail = /^approval_status: /;

/**
 * The drift of an extract run (or a dry run) as markdown for a pull-request body: counts per
 * source, then every created, changed and deprecated file with what changed, the sensitive
 * findings awaiting a decision, and the failures. Names and categories only, never a value.
 */
export function renderDriftSummary(result: ExtractResult, options: DriftSummaryOptions): string {
  const bundle = codeSpan(options.bundlePath === "" ? "." : options.bundlePath);
  if (!hasDrift(result) && !hasProblems(result)) {
    return `No knowledge drift on ${options.date}: the bundle ${bundle} is up to date with its sources.\n`;
  }
  const lines = [
    `## Knowledge drift, ${options.date}`,
    "",
    result.dryRun
      ? `What \`okf extract\` would change in the bundle ${bundle} (nothing was written).`
      : `What \`okf extract\` changed in the bundle ${bundle}.`,
    "",
    "| Source | Created | Changed | Deprecated | Unchanged | Failed parts |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...result.sources.map(countRow),
  ];
  for (const source of result.sources) lines.push(...sourceSection(source, options));
  if (result.unparseable.length > 0) {
    lines.push("", "### Left untouched (could not be parsed)", "");
    const files = [...result.unparseable].sort((a, b) => compare(a.file, b.file));
    for (const file of files) {
      lines.push(`- ${fileLink(file.file, file.file, options)}: ${plainText(file.message)}`);
      if (file.hint) lines.push(`  - fix: ${plainText(file.hint)}`);
    }
  }
  lines.push("", "---", "", ...footer(result));
  return `${lines.join("\n")}\n`;
}

/** Whether the run created, changed or deprecated any knowledge file. */
export function hasDrift(result: ExtractResult): boolean {
  return result.sources.some((source) => source.changes.length > 0);
}

function hasProblems(result: ExtractResult): boolean {
  return result.unparseable.length > 0 || result.sources.some((s) => s.failures.length > 0);
}

function countRow(source: SourceOutcome): string {
  const status = source.status === "ok" ? "" : ` (${source.status})`;
  const counts = [source.created, source.changed, source.deprecated, source.unchanged].map(
    (paths) => String(paths.length),
  );
  return `| ${plainText(source.name)}${status} | ${counts.join(" | ")} | ${String(source.failures.length)} |`;
}

function sourceSection(source: SourceOutcome, place: LinkPlace): string[] {
  if (source.changes.length === 0 && source.failures.length === 0) return [];
  const lines = ["", `### ${plainText(source.name)}`, ""];
  const changes = [...source.changes].sort((a, b) => compare(a.path, b.path));
  const refreshed = changes.filter(figuresOnly);
  for (const change of changes.filter((change) => !figuresOnly(change)))
    lines.push(...changeLines(change, place));
  lines.push(...refreshedBlock(refreshed, place));
  const failures = [...source.failures].sort((a, b) => compare(a.scope ?? "", b.scope ?? ""));
  for (const failure of failures) {
    const scope = failure.scope === undefined ? "" : ` ${codeSpan(failure.scope)}`;
    lines.push(`- **Failed**${scope}: ${plainText(failure.message)}`);
    if (failure.hint) lines.push(`  - fix: ${plainText(failure.hint)}`);
  }
  return lines;
}

/** A file whose generated figures moved (counts, statistics, samples) but nothing to decide. */
function figuresOnly(change: FileChange): boolean {
  return (
    change.action === "changed" &&
    change.details.length === 0 &&
    change.newFindings.length === 0 &&
    !change.movedToReview
  );
}

/** Folded, so that what needs a reviewer's eye is not buried under refreshed figures. */
function refreshedBlock(changes: readonly FileChange[], place: LinkPlace): string[] {
  if (changes.length === 0) return [];
  const files = changes.length === 1 ? "1 file" : `${String(changes.length)} files`;
  return [
    "",
    "<details>",
    `<summary>${files} with refreshed figures only (row counts, statistics, samples): nothing to decide</summary>`,
    "",
    ...changes.map((change) => `- ${fileLink(change.title, change.path, place)}`),
    "",
    "</details>",
  ];
}

function changeLines(change: FileChange, place: LinkPlace): string[] {
  const details = change.details.filter(
    (detail) => !(change.movedToReview && approvalDetail.test(detail)),
  );
  const said =
    details.length > 0 ? details.map(plainText).join("; ") : "generated sections updated";
  const marker = change.movedToReview ? " — **approved → needs review**" : "";
  const head = `- **${actionWord[change.action]}** ${fileLink(change.title, change.path, place)}: ${said}${marker}`;
  const findings = change.newFindings.map(
    (finding) =>
      `  - awaiting a decision: ${codeSpan(finding.path)} (${plainText(finding.category)})`,
  );
  return [head, ...findings];
}

function footer(result: ExtractResult): string[] {
  const pending = result.sources
    .flatMap((source) => source.changes)
    .reduce((count, change) => count + change.newFindings.length, 0);
  const steps = [
    "Read each file's diff. What people wrote is kept by okf and is not in it.",
    ...(pending > 0
      ? [
          `In **Sensitive Fields**, put \`confirmed\` or \`rejected\` in the Decision cell of each finding awaiting a decision (${String(pending)} here).`,
        ]
      : []),
    "Check that the business meaning still holds, then approve what is right with `okf approve ID… --by YOU`. Files marked **approved → needs review** need a new approval.",
  ];
  const lines = ["**To review**", "", ...steps.map((step, i) => `${String(i + 1)}. ${step}`)];
  if (hasProblems(result)) {
    lines.push(
      "",
      "What failed or was left untouched was not refreshed: those files keep what the last good run wrote. Fix the cause and run again.",
    );
  }
  return lines;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
