import {
  keyLine,
  nonEmptyString,
  parsedFrontmatter,
} from "../../../knowledge-file/frontmatter-nodes.js";
import { isCalendarDate, parseOffsetTimestamp, timestampExample } from "../timestamps.js";
import type { Rule, RuleFinding } from "../types.js";
import type { MarkdownFile } from "../../../knowledge-file/markdown-file.js";

const sensitiveClasses = ["confidential", "restricted"];

/** Governance (docs/validation.md): who owns approved files, how pii files are guarded, review dates. */
export const governanceRule: Rule = {
  name: "governance",
  check(file, context) {
    const frontmatter = parsedFrontmatter(file);
    if (file.role !== "concept" || !frontmatter?.isMapping) return [];
    const values = frontmatter.values;
    const line = (key: string): number | undefined => keyLine(frontmatter, key);
    const findings: RuleFinding[] = [];
    const warn = (at: number | undefined, rule: string, message: string, hint: string): void => {
      findings.push(
        at === undefined
          ? { rule, severity: "warning", message, hint }
          : { line: at, rule, severity: "warning", message, hint },
      );
    };

    if (values.approval_status === "approved") {
      const missing = ["owner", "steward"].filter((key) => !nonEmptyString(values[key]));
      if (missing.length > 0) {
        warn(
          line("approval_status"),
          "governance/approved-owner",
          `the file is approved but has no ${missing.map((key) => `\`${key}\``).join(" or ")}`,
          `Set ${missing.map((key) => `\`${key}:\``).join(" and ")} to the accountable team or person, or set \`approval_status: needs_review\`.`,
        );
      }
      for (const placeholder of ownerPlaceholders(file)) {
        warn(
          placeholder,
          "governance/owner-placeholder",
          "the file is approved but this section still holds the `_Owner to write` placeholder",
          "Replace the placeholder with what the owner knows, or delete the section if it does not apply.",
        );
      }
    }

    if (values.pii === true) {
      const classification = values.classification;
      if (typeof classification !== "string" || !sensitiveClasses.includes(classification)) {
        warn(
          line("classification") ?? line("pii"),
          "governance/pii-classification",
          classification === undefined
            ? "the file has `pii: true` but no `classification`"
            : `the file has \`pii: true\` but \`classification\` is ${JSON.stringify(classification)}`,
          "Set `classification: confidential` (or `restricted`), or reject the sensitive-field findings that do not hold.",
        );
      }
      if (!nonEmptyString(values.agent_usage)) {
        warn(
          line("pii"),
          "governance/pii-agent-usage",
          "the file has `pii: true` but no `agent_usage` telling agents what they may do with it",
          "Set `agent_usage:`, such as `allowed_with_masking` or `prohibited` (the values are in docs/knowledge-files.md).",
        );
      }
    }

    const deprecated = values.approval_status === "deprecated" || values.status === "deprecated";
    if (!deprecated) {
      const overdue = reviewOverdue(values, context.now);
      if (overdue)
        warn(line(overdue.key), "governance/review-overdue", overdue.message, overdue.hint);
    }
    return findings;
  },
};

/** File lines that still hold the `_Owner to write` placeholder (shared with `okf approve`). */
export function ownerPlaceholders(file: MarkdownFile): number[] {
  const lines: number[] = [];
  file.body.split("\n").forEach((text, index) => {
    if (text.includes("_Owner to write")) lines.push(file.bodyStartLine + index);
  });
  return lines;
}

interface Overdue {
  key: string;
  message: string;
  hint: string;
}

/** `next_review_due` decides when present; otherwise OKF's `stale_after` (stale when now >= it). */
function reviewOverdue(values: Record<string, unknown>, now: Date): Overdue | undefined {
  const key =
    values.next_review_due !== undefined
      ? "next_review_due"
      : values.stale_after !== undefined
        ? "stale_after"
        : undefined;
  if (key === undefined) return undefined;
  const written = values[key];
  const due = typeof written === "string" ? reviewDate(written) : undefined;
  if (!due) {
    // A malformed stale_after is an okf/stale-after error already.
    if (key === "stale_after") return undefined;
    return {
      key,
      message: `\`next_review_due\` is ${JSON.stringify(written)}, not a datetime, so nobody knows when the review is due`,
      hint: `Write \`next_review_due: ${timestampExample}\`, or run \`okf approve\` after reviewing the file.`,
    };
  }
  if (due.getTime() > now.getTime()) return undefined;
  return {
    key,
    message: `the review was due on ${due.toISOString().slice(0, 10)} (\`${key}\`)`,
    hint: "Review the file with its owner, then run `okf approve ID --by ACTOR` to record it and set the next date.",
  };
}

/** People may write a plain day for their own review date; it starts at midnight UTC. */
export function reviewDate(written: string): Date | undefined {
  return isCalendarDate(written) ? new Date(`${written}T00:00:00Z`) : parseOffsetTimestamp(written);
}
