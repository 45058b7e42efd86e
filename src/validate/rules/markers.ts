import { locateRegions } from "../../bundle/regions.js";
import { errorMessage } from "../../errors.js";
import type { BundleFile, Rule, RuleFinding } from "../types.js";

const markerLine = /^<!--\s*okf:(begin|end)\s+([A-Za-z0-9_-]+)\s*-->[ \t]*$/;

const hint =
  "Restore the matching <!-- okf:begin NAME --> / <!-- okf:end NAME --> pair (git history has it), " +
  "or delete the whole region and let `okf extract` write it again.";

/**
 * Generated regions must be balanced, not nested and not repeated, or `okf extract` can no
 * longer merge the file. The verdict is the merger's own (`locateRegions`); this rule only
 * finds the line to point at.
 */
export const markersRule: Rule = {
  name: "markers",
  check(file) {
    if (file.frontmatter?.kind === "unclosed") return [];
    try {
      locateRegions(file.body, file.path);
      return [];
    } catch (error) {
      return [
        locateProblem(file) ?? {
          rule: "okf/markers",
          severity: "error",
          message: errorMessage(error),
          hint,
        },
      ];
    }
  },
};

function locateProblem(file: BundleFile): RuleFinding | undefined {
  const seen = new Set<string>();
  let open: { name: string; line: number } | undefined;
  const lines = file.body.split("\n");
  for (const [index, text] of lines.entries()) {
    const match = markerLine.exec(text);
    if (!match) continue;
    const [, action, name = ""] = match;
    const line = file.bodyStartLine + index;
    const problem = (message: string): RuleFinding => ({
      line,
      rule: "okf/markers",
      severity: "error",
      message,
      hint,
    });
    if (action === "begin") {
      if (open)
        return problem(
          `"okf:begin ${name}" is inside region "${open.name}", opened on line ${open.line} and not yet closed`,
        );
      if (seen.has(name)) return problem(`region "${name}" appears a second time`);
      open = { name, line };
      continue;
    }
    if (open?.name !== name) {
      return problem(
        open
          ? `"okf:end ${name}" closes nothing: region "${open.name}" (line ${open.line}) is the one open`
          : `"okf:end ${name}" has no matching okf:begin`,
      );
    }
    seen.add(name);
    open = undefined;
  }
  if (!open) return undefined;
  return {
    line: open.line,
    rule: "okf/markers",
    severity: "error",
    message: `region "${open.name}" is never closed by <!-- okf:end ${open.name} -->`,
    hint,
  };
}
