import { scanMarkers } from "../../../knowledge-file/region-markers.js";
import { locateRegions } from "../../../knowledge-file/regions.js";
import { errorMessage } from "../../../errors.js";
import type { Rule, RuleFinding } from "../types.js";
import type { MarkdownFile } from "../../../knowledge-file/markdown-file.js";

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

function locateProblem(file: MarkdownFile): RuleFinding | undefined {
  const seen = new Set<string>();
  let open: { name: string; line: number } | undefined;
  const { markers, swallowed } = scanMarkers(file.body, file.path);
  const finding = (line: number, message: string, fix = hint): RuleFinding => ({
    line,
    rule: "okf/markers",
    severity: "error",
    message,
    hint: fix,
  });
  if (swallowed) {
    return finding(
      file.bodyStartLine + swallowed.fenceLine,
      `this code fence is never closed, so the okf marker on line ${String(file.bodyStartLine + swallowed.markerLine)} would be read as code`,
      "Close the code fence (a line of the same backticks or tildes) where the example ends.",
    );
  }
  for (const { action, name, index } of markers) {
    const line = file.bodyStartLine + index;
    if (action === "begin") {
      if (open)
        return finding(
          line,
          `"okf:begin ${name}" is inside region "${open.name}", opened on line ${open.line} and not yet closed`,
        );
      if (seen.has(name)) return finding(line, `region "${name}" appears a second time`);
      open = { name, line };
      continue;
    }
    if (open?.name !== name) {
      return finding(
        line,
        open
          ? `"okf:end ${name}" closes nothing: region "${open.name}" (line ${open.line}) is the one open`
          : `"okf:end ${name}" has no matching okf:begin`,
      );
    }
    seen.add(name);
    open = undefined;
  }
  if (!open) return undefined;
  return finding(
    open.line,
    `region "${open.name}" is never closed by <!-- okf:end ${open.name} -->`,
  );
}
