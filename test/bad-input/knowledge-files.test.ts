import { expect } from "vitest";
import type { BadInputCase, FileContent, Project } from "./bad-input-case.js";
import { defineCases } from "./bad-input-case.js";
import {
  aliasBombFrontmatter,
  badPath,
  conceptWith,
  noErrorIn,
  reportsError,
} from "./knowledge-text.js";

/**
 * One hostile or unusual file in a copy of the demo bundle: validate reports it (or accepts it)
 * and checks every other file; status, search, proposals and approve keep working on the rest
 * and never rewrite it.
 */

interface HostileFile {
  name: string;
  files: Record<string, FileContent>;
  /** What validate says of the file: an error matching this rule, or nothing (`clean`). */
  validate: RegExp | "clean";
  /** The path reported, when it is not `badPath`. */
  reported?: string;
  childProcess?: boolean;
}

const inBundle = (files: Record<string, FileContent>) =>
  Object.fromEntries(Object.entries(files).map(([path, c]) => [`knowledge/${path}`, c]));

const fence = "```";

const hostileFiles: HostileFile[] = [
  {
    name: "broken frontmatter YAML",
    files: { [badPath]: "---\ntype: PostgreSQL Table\ntitle: [zz\n---\n# zz\n" },
    validate: /yaml/i,
  },
  { name: "a YAML alias bomb", files: { [badPath]: aliasBombFrontmatter }, validate: /alias/i },
  {
    name: "a 20 MB frontmatter string",
    files: {
      [badPath]: `---\ntype: PostgreSQL Table\ndescription: "${"ab".repeat(10_000_000)}"\n---\n# zz\n`,
    },
    validate: /./,
    childProcess: true,
  },
  {
    name: "a 3 MB frontmatter string",
    files: {
      [badPath]: conceptWith("x").replace(
        /^description: .*$/m,
        `description: "${"a ".repeat(1_500_000)}"`,
      ),
    },
    validate: "clean",
  },
  { name: "no frontmatter", files: { [badPath]: "# zz_bad\n\nJust text.\n" }, validate: /./ },
  {
    name: "an unclosed frontmatter",
    files: { [badPath]: "---\ntype: PostgreSQL Table\n# zz\n" },
    validate: /frontmatter/i,
  },
  {
    name: "a frontmatter that is a list",
    files: { [badPath]: "---\n- a\n- b\n---\n# zz\n" },
    validate: /./,
  },
  {
    name: "a byte-order mark",
    files: { [badPath]: `\uFEFF${conceptWith("_Owner to write._")}` },
    validate: "clean",
  },
  {
    name: "CRLF line endings",
    files: { [badPath]: conceptWith("_Owner to write._").replace(/\n/g, "\r\n") },
    validate: "clean",
  },
  { name: "an empty file", files: { [badPath]: "" }, validate: /./ },
  {
    name: "binary bytes",
    files: { [badPath]: Buffer.from([0, 159, 146, 150, 0, 10]) },
    validate: /./,
  },
  {
    name: "a concept path that is a folder",
    files: { [`${badPath}/inner.txt`]: "x\n" },
    validate: "clean",
  },
  {
    name: "index.md that is a folder",
    files: { "crm/postgres/sales/index.md": { folder: true } },
    validate: "clean",
    reported: "crm/postgres/sales/index.md",
  },
  {
    name: "an unclosed marker",
    files: {
      [badPath]: conceptWith("<!-- okf:begin notes -->\nmine\n").replace(
        "<!-- okf:end usage -->\n",
        "",
      ),
    },
    validate: /marker/i,
  },
  {
    name: "nested markers",
    files: {
      [badPath]: conceptWith("x").replace(
        "<!-- okf:begin keys -->\n",
        "<!-- okf:begin keys -->\n<!-- okf:begin quality -->\n",
      ),
    },
    validate: /marker/i,
  },
  {
    name: "a region twice",
    files: {
      [badPath]: `${conceptWith("x")}\n<!-- okf:begin usage -->\nagain\n<!-- okf:end usage -->\n`,
    },
    validate: /marker/i,
  },
  {
    name: "an end marker without a begin",
    files: { [badPath]: conceptWith("<!-- okf:end schema -->") },
    validate: /marker/i,
  },
  {
    name: "markers inside fenced code",
    files: {
      [badPath]: conceptWith(
        `Example:\n\n${fence}markdown\n<!-- okf:begin summary -->\nold text\n<!-- okf:end summary -->\n${fence}`,
      ),
    },
    validate: "clean",
  },
  {
    name: "a person's own notes region",
    files: {
      [badPath]: conceptWith("<!-- okf:begin notes -->\nMy notes.\n<!-- okf:end notes -->"),
    },
    validate: "clean",
  },
];

const runs: ReadonlyArray<{
  command: string;
  args: string[];
  code: number;
  message: RegExp;
  changes?: boolean;
}> = [
  { command: "status", args: ["status", "--bundle", "knowledge"], code: 0, message: /total/ },
  {
    command: "search",
    args: ["search", "territories", "--bundle", "knowledge"],
    code: 0,
    message: /sales\.crm\.territory/,
  },
  {
    command: "proposals list",
    args: ["proposals", "list", "--bundle", "knowledge"],
    code: 0,
    message: /No open proposals/,
  },
  {
    command: "approve another file",
    args: ["approve", "sales.crm.opportunity", "--by", "alice", "--force", "--bundle", "knowledge"],
    code: 0,
    message: /approved crm\/postgres\/sales\/opportunity\.md/,
    changes: true,
  },
];

function untouched(hostile: HostileFile) {
  return (project: Project): void => {
    for (const [path, content] of Object.entries(hostile.files)) {
      if (typeof content === "string") expect(project.read(`knowledge/${path}`)).toBe(content);
    }
    expect(project.read("knowledge/crm/postgres/sales/opportunity.md")).toMatch(
      /^approval_status: approved$/m,
    );
  };
}

const cases: BadInputCase[] = hostileFiles.flatMap((hostile) => {
  const reported = hostile.reported ?? badPath;
  const validate: BadInputCase = {
    name: `${hostile.name}: validate`,
    demoBundle: true,
    files: inBundle(hostile.files),
    args: ["validate", "knowledge", "--json"],
    code: hostile.validate === "clean" ? 0 : 1,
    on: "stdout",
    message: /"findings"/,
    check:
      hostile.validate === "clean" ? noErrorIn(reported) : reportsError(reported, hostile.validate),
    childProcess: hostile.childProcess ?? false,
  };
  return [
    validate,
    ...runs.map((run): BadInputCase => ({
      name: `${hostile.name}: ${run.command}`,
      demoBundle: true,
      files: inBundle(hostile.files),
      args: run.args,
      code: run.code,
      on: "stdout",
      message: run.message,
      ...(run.changes ? { bundle: untouched(hostile) } : {}),
    })),
  ];
});

defineCases("one hostile knowledge file among good ones", cases);
