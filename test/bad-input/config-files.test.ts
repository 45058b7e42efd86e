import type { BadInputCase } from "./bad-input-case.js";
import { defineCases } from "./bad-input-case.js";
import { aliasBomb, configYaml, unreachable } from "./config-text.js";

/** The config file itself: missing, not YAML, hostile, or pointing the bundle somewhere odd. */

const valid = configYaml([unreachable.postgres]);

const unknownKeys = Array.from(
  { length: 80_000 },
  (_, index) => `k${String(index).padStart(6, "0")}: 1`,
).join("\n");

function extractWith(
  name: string,
  config: string | Buffer,
  message: RegExp,
  extra: Partial<BadInputCase> = {},
): BadInputCase {
  return {
    name,
    files: { "okf.config.yaml": config },
    args: ["extract"],
    code: 2,
    message,
    ...extra,
  };
}

const cases: BadInputCase[] = [
  {
    name: "no config file",
    args: ["extract"],
    code: 2,
    message: /No configuration file at .*okf\.config\.yaml/,
    childProcess: true,
  },
  {
    name: "--config naming a missing file",
    files: { "okf.config.yaml": valid },
    args: ["extract", "--config", "other.yaml"],
    code: 2,
    message: /No configuration file at .*other\.yaml/,
  },
  {
    name: "the config is a folder",
    files: { "okf.config.yaml": { folder: true } },
    args: ["extract"],
    code: 2,
    message: /okf\.config\.yaml/,
  },
  extractWith("broken YAML", "sources:\n  - name: crm\n   type: [postgres\n", /is not valid YAML/),
  extractWith("tab indentation", "sources:\n\t- name: crm\n", /is not valid YAML/),
  extractWith("a duplicate key", `${valid}bundle: other\n`, /is not valid YAML|unique/i),
  extractWith("two YAML documents", `${valid}---\n${valid}`, /not valid YAML|document/i),
  extractWith("an empty file", "", /sources/),
  extractWith("only comments", "# nothing yet\n", /sources/),
  extractWith("a null document", "~\n", /sources|\(root\)/),
  extractWith("a list instead of a map", "- bundle: knowledge\n", /\(root\)|map|object/i),
  extractWith("a plain word", "knowledge\n", /\(root\)|map|object/i),
  extractWith("binary bytes", Buffer.from([0, 1, 2, 255, 254, 0, 10]), /okf\.config\.yaml/),
  extractWith("a YAML alias bomb", aliasBomb(), /alias/i, { withinMs: 10_000, childProcess: true }),
  extractWith("a YAML alias bomb, in-process", aliasBomb(), /alias/i, { withinMs: 10_000 }),
  extractWith(
    "20,000 nested brackets",
    `${"[".repeat(20_000)}${"]".repeat(20_000)}\n`,
    /okf\.config\.yaml/,
    { withinMs: 20_000 },
  ),
  extractWith("80,000 unknown keys in 1 MB", `${valid}${unknownKeys}\n`, /k000000/, {
    withinMs: 10_000,
    maxOutputChars: 20_000,
    childProcess: true,
  }),
  extractWith(
    "80,000 unknown keys in one source",
    `bundle: knowledge\nsources:\n  - name: crm\n    type: postgres\n    connection: postgresql://x@127.0.0.1:1/x\n${unknownKeys.replace(/^/gm, "    ")}\n`,
    /sources\[0\]/,
    { withinMs: 10_000, maxOutputChars: 20_000, childProcess: true },
  ),
  {
    name: "bundle: a file",
    files: {
      "okf.config.yaml": configYaml([unreachable.postgres], { bundle: "notes.txt" }),
      "notes.txt": "mine\n",
    },
    args: ["extract"],
    code: 2,
    message: /bundle/i,
  },
  extractWith(
    "bundle: /dev/null",
    configYaml([unreachable.postgres], { bundle: "/dev/null" }),
    /bundle/i,
    { childProcess: true },
  ),
  {
    name: "bundle: a folder under a file",
    files: {
      "okf.config.yaml": configYaml([unreachable.postgres], { bundle: "notes.txt/knowledge" }),
      "notes.txt": "mine\n",
    },
    args: ["extract"],
    code: 2,
    message: /bundle/i,
  },
  extractWith(
    "templates.dir that does not exist",
    configYaml([unreachable.postgres], { templates: { dir: "no-such-templates" } }),
    /templates/,
  ),
  {
    name: "templates.dir that is a file",
    files: {
      "okf.config.yaml": configYaml([unreachable.postgres], { templates: { dir: "notes.txt" } }),
      "notes.txt": "mine\n",
    },
    args: ["extract"],
    code: 2,
    message: /templates/,
  },
  {
    name: "validate with an alias bomb in the config",
    files: { "okf.config.yaml": aliasBomb() },
    args: ["validate"],
    code: 2,
    message: /YAML|alias/i,
    withinMs: 10_000,
  },
  {
    name: "status with the config's bundle a file",
    files: {
      "okf.config.yaml": configYaml([unreachable.postgres], { bundle: "notes.txt" }),
      "notes.txt": "mine\n",
    },
    args: ["status"],
    code: 2,
    message: /notes\.txt/,
  },
  {
    name: "validate with the config's bundle a file",
    files: {
      "okf.config.yaml": configYaml([unreachable.postgres], { bundle: "notes.txt" }),
      "notes.txt": "mine\n",
    },
    args: ["validate"],
    code: 2,
    message: /notes\.txt/,
  },
  {
    name: "search with bundle: a list",
    files: { "okf.config.yaml": "bundle: [a, b]\n" },
    args: ["search", "customer"],
    code: 2,
    message: /bundle: must be a folder path/,
  },
  // Good input, to prove that the conventions of the file itself are no error: the source is
  // contacted (and fails, exit 3).
  extractWith("a config with a byte-order mark", `\uFEFF${valid}`, /crm/, {
    code: 3,
    on: "both",
    bundle: () => undefined,
  }),
  extractWith("a config with CRLF line endings", valid.replace(/\n/g, "\r\n"), /crm/, {
    code: 3,
    on: "both",
    bundle: () => undefined,
  }),
];

defineCases("config files okf cannot use", cases);
