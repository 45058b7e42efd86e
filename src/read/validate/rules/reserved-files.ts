import { isScalar } from "yaml";
import { keyLine, topLevelPair } from "../../../knowledge-file/frontmatter-nodes.js";
import { heading, proseLines } from "../../../knowledge-file/markdown-lines.js";
import { isCalendarDate } from "../timestamps.js";
import type { Rule, RuleFinding } from "../types.js";
import type { MarkdownFile } from "../../../knowledge-file/markdown-file.js";
import { frontmatterSyntax } from "./frontmatter.js";

/** OKF §8 and §12: no frontmatter in index.md, except `okf_version: "0.2"` at the root. */
export const indexFileRule: Rule = {
  name: "index-file",
  check(file) {
    if (file.role === "index" && file.frontmatter !== undefined) {
      return [
        {
          line: 1,
          rule: "okf/index-frontmatter",
          severity: "error",
          message:
            "index.md files carry no frontmatter; only the bundle-root index.md may, for `okf_version`",
          hint: 'Delete the block between the "---" lines; keys that matter belong in a concept file.',
        },
      ];
    }
    if (file.role !== "root-index" || file.frontmatter === undefined) return [];
    const syntax = frontmatterSyntax(file, "the root index.md");
    return syntax.length > 0 ? syntax : rootIndexKeys(file);
  },
};

function rootIndexKeys(file: MarkdownFile): RuleFinding[] {
  if (file.frontmatter?.kind !== "parsed") return [];
  const frontmatter = file.frontmatter;
  const findings: RuleFinding[] = Object.keys(frontmatter.values)
    .filter((key) => key !== "okf_version")
    .map((key) => ({
      line: keyLine(frontmatter, key),
      rule: "okf/index-frontmatter",
      severity: "error",
      message: `the root index.md frontmatter may hold only \`okf_version\`, not \`${key}\``,
      hint: `Remove \`${key}\` from index.md; keys that matter belong in a concept file.`,
    }));
  const version = topLevelPair(frontmatter.document, "okf_version")?.value;
  if (version !== undefined && !(isScalar(version) && version.value === "0.2")) {
    const written = isScalar(version) ? JSON.stringify(version.value) : "a structure";
    findings.push({
      line: keyLine(frontmatter, "okf_version"),
      rule: "okf/okf-version",
      severity: "error",
      message:
        isScalar(version) && version.value === 0.2
          ? '`okf_version` is the number 0.2; it must be the string "0.2"'
          : `\`okf_version\` is ${written}; this bundle format is OKF "0.2"`,
      hint: 'Write `okf_version: "0.2"`, with the quotes.',
    });
  }
  return findings;
}

/** OKF §9: `## YYYY-MM-DD` headings, real dates, newest first; no frontmatter. */
export const logFileRule: Rule = {
  name: "log-file",
  check(file) {
    if (file.role !== "log") return [];
    const findings: RuleFinding[] = [];
    if (file.frontmatter !== undefined) {
      findings.push({
        line: 1,
        rule: "okf/log-frontmatter",
        severity: "error",
        message: "log.md carries no frontmatter",
        hint: 'Delete the block between the "---" lines at the top of log.md.',
      });
    }
    return [...findings, ...logHeadings(file)];
  },
};

function logHeadings(file: MarkdownFile): RuleFinding[] {
  const findings: RuleFinding[] = [];
  let previous: { date: string; line: number } | undefined;
  for (const { line, text } of proseLines(file.body, file.bodyStartLine)) {
    const title = heading(text);
    if (title?.level !== 2) continue;
    const date = title.title;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isCalendarDate(date)) {
      findings.push({
        line,
        rule: "okf/log-heading",
        severity: "error",
        message: /^\d{4}-\d{2}-\d{2}$/.test(date)
          ? `log heading "## ${date}" is not a real calendar date`
          : `log heading "## ${date}" is not a date in YYYY-MM-DD form`,
        hint: "Every second-level heading of log.md is a day, written `## 2026-11-27`.",
      });
      continue;
    }
    if (previous && date >= previous.date) {
      findings.push({
        line,
        rule: "okf/log-order",
        severity: "error",
        message:
          date === previous.date
            ? `"## ${date}" appears again (first on line ${previous.line})`
            : `"## ${date}" is newer than "## ${previous.date}" above it (line ${previous.line}); log.md lists newest first`,
        hint:
          date === previous.date
            ? `Move these entries under the first "## ${date}" heading and delete this one.`
            : `Move the "## ${date}" section above "## ${previous.date}".`,
      });
    }
    previous = { date, line };
  }
  return findings;
}
