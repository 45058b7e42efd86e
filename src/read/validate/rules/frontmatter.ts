import { keyLine, nonEmptyString } from "../../../knowledge-file/frontmatter-nodes.js";
import type { Rule, RuleFinding } from "../types.js";
import type { MarkdownFile } from "../../../knowledge-file/markdown-file.js";

/** OKF §11: every concept has a parseable YAML frontmatter with a non-empty `type`. */
export const conceptFrontmatterRule: Rule = {
  name: "concept-frontmatter",
  check(file) {
    if (file.role !== "concept") return [];
    return [...frontmatterSyntax(file, "a concept"), ...conceptType(file)];
  },
};

/** Problems that make a frontmatter unreadable; `what` names the file kind in messages. */
export function frontmatterSyntax(file: MarkdownFile, what: string): RuleFinding[] {
  const frontmatter = file.frontmatter;
  if (frontmatter === undefined) {
    return [
      {
        line: 1,
        rule: "okf/frontmatter",
        severity: "error",
        message: `${what} file must start with a YAML frontmatter block, and this one has none`,
        hint:
          'Add a first line "---", the keys (at least `type: <Type name>`), then a line "---"; ' +
          "or, if this is not a concept (a README), list it in .okfignore.",
      },
    ];
  }
  if (frontmatter.kind === "unclosed") {
    return [
      {
        line: 1,
        rule: "okf/frontmatter",
        severity: "error",
        message: 'the frontmatter opened on line 1 is never closed by a line "---"',
        hint: 'Add a line "---" after the last YAML key.',
      },
    ];
  }
  if (frontmatter.kind === "invalid" && frontmatter.aliasLimit === true) {
    return [
      {
        line: frontmatter.line,
        rule: "okf/frontmatter-yaml",
        severity: "error",
        message: `the frontmatter is not read: ${frontmatter.reason}`,
        hint: "Write the values out instead of using YAML anchors and aliases (&name, *name).",
      },
    ];
  }
  if (frontmatter.kind === "invalid") {
    return [
      {
        line: frontmatter.line,
        rule: "okf/frontmatter-yaml",
        severity: "error",
        message: `the frontmatter is not valid YAML: ${frontmatter.reason}`,
        hint: "Fix the YAML on that line: quote values that contain ': ' or ' #', and keep each key once.",
      },
    ];
  }
  if (!frontmatter.isMapping) {
    return [
      {
        line: 2,
        rule: "okf/frontmatter-yaml",
        severity: "error",
        message: "the frontmatter is not a mapping of keys to values",
        hint: "Write the frontmatter as `key: value` lines, such as `type: PostgreSQL Table`.",
      },
    ];
  }
  return [];
}

function conceptType(file: MarkdownFile): RuleFinding[] {
  const frontmatter = file.frontmatter;
  if (frontmatter?.kind !== "parsed" || !frontmatter.isMapping) return [];
  const type = frontmatter.values.type;
  if (nonEmptyString(type)) return [];
  return [
    {
      line: keyLine(frontmatter, "type") ?? 2,
      rule: "okf/frontmatter-type",
      severity: "error",
      message: typeProblem(type),
      hint: "Set `type:` to the kind of concept, such as `type: PostgreSQL Table`.",
    },
  ];
}

function typeProblem(type: unknown): string {
  if (type === undefined) return "the frontmatter has no `type`, the one key OKF requires";
  if (type === null || typeof type === "string") return "`type` is empty";
  return `\`type\` must be a string, not ${JSON.stringify(type)}`;
}
