import { posix } from "node:path";
import { proseLines, withoutCodeSpans } from "../../../knowledge-file/markdown-lines.js";
import type { Rule, RuleContext, RuleFinding } from "../types.js";
import type { MarkdownFile } from "../../../knowledge-file/markdown-file.js";

// [text](target "title") and ![alt](target); the target may be <wrapped in angle brackets>.
const inlineLink =
  /!?\[(?:[^[\]\\]|\\.)*\]\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
// [label]: target — but not a footnote, [^label]: text.
const referenceDefinition = /^ {0,3}\[(?!\^)(?:[^[\]\\]|\\.)+\]:\s*(<[^>\n]*>|\S+)/;
const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/**
 * Relative links whose target does not exist. OKF tolerates broken links (§6.1), so this is a
 * governance warning, not a conformance error. log.md is skipped: it is history, and a link to
 * a concept that was later removed is not something to fix there.
 */
export const brokenLinksRule: Rule = {
  name: "broken-links",
  async check(file, context) {
    if (file.role === "log") return [];
    const findings: RuleFinding[] = [];
    for (const { line, text } of proseLines(file.body, file.bodyStartLine)) {
      for (const target of linkTargets(withoutCodeSpans(text))) {
        const resolved = resolveTarget(file.path, target);
        if (resolved === undefined || (await context.exists(resolved))) continue;
        findings.push({
          line,
          rule: "governance/broken-link",
          severity: "warning",
          message: `link "${target}" points to ${resolved}, which does not exist`,
          hint: fixHint(file, resolved, context),
        });
      }
    }
    return findings;
  },
};

function linkTargets(text: string): string[] {
  const targets = [...text.matchAll(inlineLink)].map((match) => match[1] ?? "");
  const definition = referenceDefinition.exec(text)?.[1];
  if (definition !== undefined) targets.push(definition);
  return targets.map((target) => target.replace(/^<|>$/g, "").trim());
}

/** The bundle-relative path a link points to, or undefined when it is not a relative path. */
export function resolveTarget(fromFile: string, target: string): string | undefined {
  if (target === "" || target.startsWith("#") || target.startsWith("//") || scheme.test(target)) {
    return undefined;
  }
  const withoutFragment = target.replace(/[?#].*$/, "");
  if (withoutFragment === "") return undefined;
  let decoded = withoutFragment;
  try {
    decoded = decodeURIComponent(withoutFragment);
  } catch {
    // Not percent-encoded after all; use it as written.
  }
  // OKF §6.1: a leading "/" is relative to the bundle root.
  const joined = decoded.startsWith("/")
    ? posix.normalize(decoded.slice(1))
    : posix.join(posix.dirname(fromFile), decoded);
  return joined === "" ? "." : joined.replace(/\/$/, "") || ".";
}

function fixHint(file: MarkdownFile, resolved: string, context: RuleContext): string {
  const name = posix.basename(resolved);
  const candidates = context.markdownFiles.filter((path) => posix.basename(path) === name);
  const base = posix.dirname(file.path);
  if (candidates.length > 0 && candidates.length <= 3) {
    const suggestions = candidates.map((path) => `"${posix.relative(base, path)}"`).join(" or ");
    return `Did you mean ${suggestions}? Links are resolved from this file's folder. Otherwise remove the link or create the target.`;
  }
  return "Fix the path (it is resolved from this file's folder; a leading / starts at the bundle root), create the target, or remove the link.";
}
