import { cp, mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../../src/errors.js";
import {
  formatReport,
  validateBundle,
  type ValidationReport,
} from "../../../src/read/validate/index.js";
import { concept, now, places, validate, writeBundle } from "./fixture-bundle.js";

const examplesDir = fileURLToPath(new URL("../../fixtures/examples/", import.meta.url));

describe("validateBundle", () => {
  it("checks every markdown file but those in .okfignore and dot-folders", async () => {
    const files = {
      "README.md": "# How to use this bundle\n",
      ".okf/state.md": "not a concept",
      "crm/a.md": concept([]),
      "notes.txt": "not markdown",
    };
    const without = await validate(files);
    expect(places(without)).toEqual(["README.md:1 okf/frontmatter"]);
    expect(without.findings[0]?.hint).toContain(".okfignore");
    const ignored = await validate({ ...files, ".okfignore": "/README.md\n" });
    expect(ignored.findings).toEqual([]);
    expect(ignored.files).toBe(1);
  });

  it("returns findings sorted by file, line and rule, with counts", async () => {
    const bundle = await writeBundle({
      "b.md": concept(["status: nope", "approval_status: approved"], "# b\n[x](missing.md)\n"),
      "a.md": "# no frontmatter\n",
      "a/z.md": concept(['next_review_due: "2026-01-01T00:00:00Z"']),
    });
    const report = await validateBundle(bundle, { now });
    expect(places(report)).toEqual([
      "a.md:1 okf/frontmatter",
      "a/z.md:3 governance/review-overdue",
      "b.md:3 okf/status",
      "b.md:4 governance/approved-owner",
      "b.md:7 governance/broken-link",
    ]);
    expect(report).toMatchObject({ bundle, files: 3, errorCount: 2, warningCount: 3 });
  });

  it("formats a listing with fix hints and a summary line", () => {
    const report: ValidationReport = {
      bundle: "knowledge",
      files: 12,
      errorCount: 1,
      warningCount: 1,
      findings: [
        {
          file: "crm/x.md",
          line: 3,
          rule: "okf/frontmatter-type",
          severity: "error",
          message: "no type",
          hint: "add one",
        },
        { file: "crm/y.md", rule: "okf/markers", severity: "warning", message: "m", hint: "h" },
      ],
    };
    expect(formatReport(report)).toBe(
      [
        "knowledge/crm/x.md:3  error  okf/frontmatter-type  no type",
        "    fix: add one",
        "knowledge/crm/y.md  warning  okf/markers  m",
        "    fix: h",
        "",
        "12 files checked: 1 error, 1 warning.",
        "",
      ].join("\n"),
    );
    expect(
      formatReport({
        ...report,
        bundle: ".",
        files: 1,
        findings: [],
        errorCount: 0,
        warningCount: 0,
      }),
    ).toBe("1 file checked: no problems found.\n");
  });

  it("refuses a bundle folder that does not exist", async () => {
    const parent = await writeBundle({});
    await expect(validateBundle(join(parent, "nope"))).rejects.toBeInstanceOf(UsageError);
  });

  it("validates a 300-file bundle quickly", async () => {
    const root = await writeBundle({ "index.md": '---\nokf_version: "0.2"\n---\n# Bundle\n' });
    const body = (i: number): string =>
      [
        `# table_${i}`,
        "<!-- okf:begin schema -->",
        "## Schema",
        "| Column | Type |",
        "|---|---|",
        ...Array.from({ length: 40 }, (_, c) => `| col_${c} | text |`),
        "<!-- okf:end schema -->",
        `See [next](table_${i + 1}.md) and [previous](table_${i - 1}.md).`,
        "",
      ].join("\n");
    for (let folder = 0; folder < 10; folder++) {
      await mkdir(join(root, `db_${folder}`));
      await writeFile(join(root, `db_${folder}`, "index.md"), `# db_${folder}\n`);
      for (let i = 0; i < 30; i++) {
        const frontmatter = [
          "type: PostgreSQL Table",
          "approval_status: draft",
          "status: draft",
          "generated:",
          "  by: okf/0.1.0",
          '  at: "2026-11-27T02:00:14Z"',
        ];
        await writeFile(
          join(root, `db_${folder}`, `table_${i}.md`),
          `---\n${frontmatter.join("\n")}\n---\n${body(i)}`,
        );
      }
    }
    const started = performance.now();
    const report = await validateBundle(root, { now });
    const elapsed = performance.now() - started;
    expect(report.files).toBe(311);
    // Only the first and last table of each folder link to a table that does not exist.
    expect(report.findings).toHaveLength(20);
    expect(report.errorCount).toBe(0);
    expect(elapsed).toBeLessThan(3000);
  });

  it("finds the expected warnings in the hand-written example files", async () => {
    const root = await writeBundle({
      "index.md": '---\nokf_version: "0.2"\n---\n# Knowledge\n\n* [crm](crm/) - examples\n',
    });
    const names = (await readdir(examplesDir)).filter((name) => name !== "README.md");
    for (const name of names) await cp(join(examplesDir, name), join(root, "crm", name));
    const report = await validateBundle(root, { now });
    expect(report.errorCount).toBe(0);
    const rules = new Set(report.findings.map((finding) => finding.rule));
    expect([...rules].sort()).toEqual(["governance/broken-link", "governance/pending-decision"]);
    expect(places(report, "governance/broken-link")).toEqual([
      "crm/subscription_plan.md:53 governance/broken-link",
      "crm/subscription_plan.md:82 governance/broken-link",
    ]);
    expect(places(report, "governance/pending-decision")).toEqual([
      "crm/support_tickets.md:73 governance/pending-decision",
      "crm/support_tickets.md:74 governance/pending-decision",
    ]);
  });
});
