import { relative } from "node:path";
import type { BundleCommit } from "../git/commit-bundle.js";
import { fallbackIdentity } from "../git/commit-identity.js";
import type { ExtractResult } from "../pipeline/run-extract.js";

/** A nightly run over thousands of tables should not scroll the terminal away. */
const listedPerSource = 25;

/** The human summary of an extract run, for stdout. */
export function formatExtractSummary(result: ExtractResult, cwd: string): string {
  const lines: string[] = [];
  const where = relative(cwd, result.bundleDir) || ".";
  lines.push(result.dryRun ? `Dry run: nothing was written to ${where}.` : `Bundle: ${where}`);
  for (const source of result.sources) {
    const counts = [
      `${String(source.created.length)} created`,
      `${String(source.changed.length)} changed`,
      `${String(source.unchanged.length)} unchanged`,
      `${String(source.deprecated.length)} deprecated`,
    ].join(", ");
    const status = source.status === "ok" ? "" : ` [${source.status}]`;
    lines.push(`  ${source.name}${status}: ${counts} (${(source.durationMs / 1000).toFixed(1)} s)`);
    const paths = [
      ...source.created.map((p) => `+ ${p}`),
      ...source.changed.map((p) => `~ ${p}`),
      ...source.deprecated.map((p) => `- ${p}`),
    ];
    for (const path of paths.slice(0, listedPerSource)) lines.push(`      ${path}`);
    if (paths.length > listedPerSource) {
      lines.push(
        `      … and ${String(paths.length - listedPerSource)} more (--json lists them all)`,
      );
    }
    for (const failure of source.failures) {
      lines.push(`    failed${failure.scope ? ` (${failure.scope})` : ""}: ${failure.message}`);
      if (failure.hint) lines.push(`      fix: ${failure.hint}`);
    }
    for (const note of source.notes) lines.push(`    note ${note.file}: ${note.note}`);
  }
  for (const file of result.unparseable) {
    lines.push(`  left untouched: ${file.message}`);
    if (file.hint) lines.push(`      fix: ${file.hint}`);
  }
  lines.push(
    result.dryRun
      ? "Run without --dry-run to write these changes."
      : `${String(result.filesWritten)} file${result.filesWritten === 1 ? "" : "s"} written.`,
  );
  return `${lines.join("\n")}\n`;
}

/** What `extract --commit` did in git. */
export function formatCommitOutcome(commit: BundleCommit): string {
  if (commit.sha === undefined) return `Nothing to commit on branch ${commit.branch}.\n`;
  const files = `${String(commit.files.length)} file${commit.files.length === 1 ? "" : "s"}`;
  const who = commit.committedAsOkf
    ? ` as ${fallbackIdentity.name} <${fallbackIdentity.email}> (git has no user.name / user.email)`
    : "";
  return `Committed ${commit.sha.slice(0, 12)} on branch ${commit.branch}${who}: ${files}. Not pushed.\n`;
}
