import { join } from "node:path";
import { writeFileAtomic } from "./atomic-write.js";
import { inlineText, markdownLink } from "../knowledge-file/markdown-links.js";
import { readBundleTextIfExists } from "./files.js";
import { plainStyle, plainText, styledText, textStyleOf } from "../knowledge-file/text-style.js";

export { initialRootIndexText } from "./index-listing.js";

export interface LogEntry {
  action: "created" | "changed" | "deprecated" | "restored" | "approved";
  /** Bundle-relative POSIX path of the concept. */
  conceptPath: string;
  title: string;
  /** What changed, e.g. `+ column region`, `amount: numeric(10,2) → numeric(12,2)`. */
  details: string[];
  /** When, in UTC: `02:00:00 UTC` (the date is the heading's). */
  at?: string;
}

const logTitle = "# Knowledge Update Log";
const dateHeading = /^## (\d{4}-\d{2}-\d{2})(?=$|[\s:])/;
const bulletLine = /^[-*] /;

/** The log.md that `okf init` writes. */
export function initialLogText(): string {
  return `${logTitle}\n`;
}

/** `- Changed [title](path) at 02:00:00 UTC: detail; detail` */
function logBullet(entry: LogEntry): string {
  const action = entry.action.charAt(0).toUpperCase() + entry.action.slice(1);
  const details = entry.details.map(inlineText).filter((d) => d !== "");
  const suffix = details.length === 0 ? "" : `: ${details.join("; ")}`;
  const at = entry.at === undefined ? "" : ` at ${inlineText(entry.at)}`;
  return `- ${action} ${markdownLink(entry.title, entry.conceptPath)}${at}${suffix}`;
}

/**
 * Records entries under the `## date` heading of log.md (OKF §9, newest first), creating the
 * file or the heading when needed. New bullets go first; a bullet already under that date is
 * not repeated; everything else in the file stays as it is. Returns whether log.md was (or, in
 * a dry run, would be) written.
 */
export async function appendLogEntries(
  bundleDir: string,
  date: string,
  entries: readonly LogEntry[],
  options: { dryRun?: boolean } = {},
): Promise<boolean> {
  return appendLogBullets(bundleDir, date, entries.map(logBullet), options);
}

/** `appendLogEntries` for bullets already written (such as applied proposals'). */
export async function appendLogBullets(
  bundleDir: string,
  date: string,
  bullets: readonly string[],
  options: { dryRun?: boolean } = {},
): Promise<boolean> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
    throw new RangeError(`Log date must be YYYY-MM-DD, got "${date}".`);
  if (bullets.length === 0) return false;
  const path = join(bundleDir, "log.md");
  const existing = await readBundleTextIfExists(path, "log.md");
  const base =
    existing === undefined || existing.trim() === "" ? initialLogText() : plainText(existing);
  const style = existing === undefined ? plainStyle : textStyleOf(existing);
  const next = styledText(mergeLogBullets(base, date, [...new Set(bullets)]), style);
  if (next === existing) return false;
  if (options.dryRun !== true) await writeFileAtomic(path, next);
  return true;
}

/** Puts bullets under `## date`, keeping the date headings newest first. */
function mergeLogBullets(text: string, date: string, bullets: readonly string[]): string {
  const lines = text.split("\n");
  const headingAt = lines.findIndex((line) => dateHeading.exec(line)?.[1] === date);
  if (headingAt >= 0) {
    const sectionEnd = findIndexFrom(lines, headingAt + 1, (line) => /^#{1,2} /.test(line));
    const section = lines.slice(headingAt + 1, sectionEnd);
    const present = new Set(section.map((line) => line.trimEnd()));
    const fresh = bullets.filter((bullet) => !present.has(bullet));
    if (fresh.length === 0) return text;
    const firstBullet = section.findIndex((line) => bulletLine.test(line));
    if (firstBullet >= 0) {
      lines.splice(headingAt + 1 + firstBullet, 0, ...fresh);
    } else {
      const following = lines[headingAt + 1];
      const spacer = following !== undefined && following.trim() !== "" ? [""] : [];
      lines.splice(headingAt + 1, 0, "", ...fresh, ...spacer);
    }
    return lines.join("\n");
  }
  const section = [`## ${date}`, "", ...bullets];
  const olderAt = lines.findIndex((line) => {
    const heading = dateHeading.exec(line)?.[1];
    return heading !== undefined && heading < date;
  });
  if (olderAt >= 0) {
    lines.splice(olderAt, 0, ...section, "");
    return lines.join("\n");
  }
  return `${text.replace(/\n*$/, "")}\n\n${section.join("\n")}\n`;
}

function findIndexFrom(lines: string[], start: number, test: (line: string) => boolean): number {
  for (let i = start; i < lines.length; i++) {
    if (test(lines[i] ?? "")) return i;
  }
  return lines.length;
}
