import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import type { CliRun } from "../helpers/run-cli.js";
import { repoRoot } from "../helpers/postgres-database.js";
import { aliasBomb } from "./config-text.js";

/** Where the corpus puts its hostile file in a copy of the demo bundle. */
export const badPath = "crm/postgres/sales/zz_bad.md";

/** The demo bundle's `territory` file, as a template of a well-formed concept. */
export const territory = readFileSync(
  join(repoRoot, "knowledge", "crm", "postgres", "sales", "territory.md"),
  "utf8",
);

/** A well-formed concept with its own id, and `caveats` as its Caveats section. */
export function conceptWith(caveats: string, name = "zz_bad"): string {
  return territory
    .replace(/^title: territory$/m, `title: ${name}`)
    .replace(/^id: sales\.crm\.territory$/m, `id: sales.crm.${name}`)
    .replace(/^table: territory$/m, `table: ${name}`)
    .replace(/\/sales\/territory$/m, `/sales/${name}`)
    .replace(/^# territory$/m, `# ${name}`)
    .replace("## Caveats\n_Owner to write._", `## Caveats\n${caveats}`);
}

/** An email address built at run time, so that no literal one sits in the repository. */
export const someoneEmail = ["maria.lopez", "example-mail.com"].join("@");

export const aliasBombFrontmatter = `---\ntype: PostgreSQL Table\n${aliasBomb()}---\n# zz_bad\n`;

interface Report {
  files: number;
  findings: Array<{ file: string; severity: string; rule: string; message: string }>;
}

function report(run: CliRun): Report {
  return JSON.parse(run.stdout) as Report;
}

/** `okf validate --json` reported `file` with an error matching `rule`, and read the others. */
export function reportsError(file: string, rule: RegExp) {
  return (run: CliRun): void => {
    const { findings } = report(run);
    const errors = findings.filter((f) => f.file === file && f.severity === "error");
    expect(
      errors.map((f) => `${f.rule}: ${f.message}`),
      "the bad file is reported",
    ).toContainEqual(expect.stringMatching(rule));
    const others = new Set(findings.filter((f) => f.file !== file).map((f) => f.file));
    expect(others.size, "the other files are still checked").toBeGreaterThan(2);
  };
}

/** `okf validate --json` found no error in `file`. */
export function noErrorIn(file: string) {
  return (run: CliRun): void => {
    const errors = report(run).findings.filter((f) => f.file === file && f.severity === "error");
    expect(errors).toEqual([]);
  };
}
