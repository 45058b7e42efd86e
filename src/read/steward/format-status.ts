import type { BundleStatus, StatusCounts } from "./bundle-status.js";
import { formatPercent } from "./coverage-gate.js";

/** Entries shown per list in text; `--json` has them all. */
const listLimit = 20;

/** `okf status` for people: an aligned table per source and in total, then what needs doing. */
export function formatStatus(status: BundleStatus): string {
  const lines = [`Bundle ${status.bundle}, as of ${status.asOf.slice(0, 10)}`, ""];
  if (status.total.concepts === 0) {
    lines.push("No concept files in the bundle yet: the approved share counts as 0%.");
    lines.push("Run `okf extract` to generate drafts.", "");
    return lines.join("\n");
  }
  const header = [
    "source",
    "files",
    "approved",
    "draft",
    "needs review",
    "deprecated",
    "other",
    "overdue",
    `due ≤${status.dueWithinDays}d`,
    "pending decisions",
    "approved %",
  ];
  const rows = [
    ...status.sources.map((counts) => tableRow(counts.source, counts)),
    tableRow("total", status.total),
  ];
  lines.push(...alignColumns([header, ...rows], true), "");

  section(lines, `Overdue for review: ${status.overdue.length}`, status.overdue, (entry) => [
    entry.path,
    entry.due === null ? "no valid review date" : `was due ${entry.due}`,
  ]);
  section(
    lines,
    `Due within ${status.dueWithinDays} days: ${status.dueSoon.length}`,
    status.dueSoon,
    (entry) => [entry.path, `due ${entry.due ?? "?"}`],
  );
  section(
    lines,
    `Needs review (facts changed since approval): ${status.needsReview.length}`,
    status.needsReview,
    (entry) => [entry.path],
  );
  section(lines, `Deprecated: ${status.deprecated.length}`, status.deprecated, (entry) => [
    entry.path,
    entry.replacedBy === null ? "no replacement named" : `use ${entry.replacedBy} instead`,
  ]);
  const pending = status.total.pendingDecisions;
  section(
    lines,
    `Pending sensitive-field decisions: ${plural(pending.rows, "row")} in ${plural(pending.files, "file")}`,
    status.pendingDecisions,
    (entry) => [entry.path, plural(entry.rows, "row")],
  );
  section(
    lines,
    `Unreadable (okf validate shows where): ${status.unreadable.length}`,
    status.unreadable,
    (entry) => [entry.path, entry.problem],
  );
  lines.push("Review a file with its owner, then record it: okf approve ID… --by YOUR_ID", "");
  return lines.join("\n");
}

function tableRow(name: string, counts: StatusCounts): string[] {
  const { approval, pendingDecisions } = counts;
  return [
    name,
    String(counts.concepts),
    String(approval.approved),
    String(approval.draft),
    String(approval.needs_review),
    String(approval.deprecated),
    String(approval.other),
    String(counts.overdue),
    String(counts.dueSoon),
    pendingDecisions.rows === 0
      ? "0"
      : `${pendingDecisions.rows} in ${plural(pendingDecisions.files, "file")}`,
    counts.ratioDefined ? formatPercent(counts.approvedRatio) : "-",
  ];
}

/** Columns two spaces apart; the first left-aligned, the others right-aligned for figures. */
function alignColumns(rows: readonly string[][], figures: boolean): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, index) => {
      widths[index] = Math.max(widths[index] ?? 0, displayWidth(cell));
    });
  }
  return rows.map((row) =>
    row
      .map((cell, index) => {
        const pad = " ".repeat((widths[index] ?? 0) - displayWidth(cell));
        return index === 0 || !figures ? cell + pad : pad + cell;
      })
      .join("  ")
      .trimEnd(),
  );
}

/** A heading, then one line per entry: the path, padded, and what is due. */
function section<T>(
  lines: string[],
  heading: string,
  entries: readonly T[],
  show: (entry: T) => string[],
): void {
  if (entries.length === 0) return;
  lines.push(heading);
  const shown = alignColumns(entries.slice(0, listLimit).map(show), false);
  lines.push(...shown.map((line) => `  ${line}`));
  if (entries.length > listLimit) {
    lines.push(`  … and ${entries.length - listLimit} more (okf status --json lists them all)`);
  }
  lines.push("");
}

/** Code points, not UTF-16 units: `≤` and accented source names take one column. */
function displayWidth(text: string): number {
  return Array.from(text).length;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
