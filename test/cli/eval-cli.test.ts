import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { EvalReport } from "../../src/read/eval/run-evaluation.js";
import { runCli } from "../helpers/run-cli.js";
import { demoProject } from "../read/search/demo-bundle-copy.js";

/** Two questions (one ranked second) and two statements (one finding not expected). */
const labels = [
  "questions:",
  "  - { id: invoices, ask: invoice, expect: [sales.crm.invoice] }",
  "  - { id: monthly, ask: revenue, expect: [sales.crm.monthly_revenue] }",
  "statements:",
  "  - { id: write, sql: DELETE FROM finance.invoice, expect: [{ rule: write-not-allowed }] }",
  "  - { id: email, sql: SELECT owner_email FROM sales.customer_account, expect: [] }",
  "",
].join("\n");

/** A demo project whose okf.eval.yaml holds `labels` and then `extra`. */
function project(extra = ""): string {
  const { dir } = demoProject();
  writeFileSync(join(dir, "okf.eval.yaml"), labels + extra);
  return dir;
}

describe("okf eval", () => {
  it("prints the figures, every miss and the gates, reading okf.eval.yaml by default", async () => {
    const run = await runCli(["eval", "--min-retrieval", "0.5"], project());
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Questions: 2   Statements: 2\n");
    expect(run.stdout).toContain("Retrieval     top-1 50.0%   top-3 100.0%   MRR 0.750\n");
    expect(run.stdout).toContain("Guard         recall 100.0%   precision 50.0%\n");
    expect(run.stdout).toMatch(/^ {2}write-not-allowed +recall 100\.0%/m);
    expect(run.stdout).toContain(
      "monthly: expected sales.crm.monthly_revenue, rank 2; top hits: sales.crm.revenue_recognized",
    );
    expect(run.stdout).toMatch(
      /^ {2}email: unexpected sensitive-column \(sales\.customer_account owner_email\): /m,
    );
    expect(run.stdout).toContain("Gate --min-retrieval 50.0%: passed (top-1 50.0%)\n");
  });

  it("prints the report as JSON", async () => {
    const run = await runCli(["eval", "--json"], project());
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as EvalReport;
    expect(report.retrieval).toEqual({ top1: 0.5, top3: 1, mrr: 0.75 });
    expect(report.guard).toMatchObject({ precision: 0.5, recall: 1 });
    expect(report.misses.guard).toEqual([
      expect.objectContaining({ statement: "email", problem: "unexpected", column: "owner_email" }),
    ]);
    expect(report.gates).toEqual([]);
  });

  it("exits 1 when a gate fails, with the share given as a percentage", async () => {
    const run = await runCli(["eval", "--min-guard", "90%"], project());
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "Gate --min-guard 90.0%: FAILED (lower of recall and precision 50.0%)\n",
    );
  });

  it("takes the file's gates where no flag sets one", async () => {
    const dir = project("gates: { min_retrieval: 0.9, min_guard: 0.5 }\n");
    const fromFile = await runCli(["eval", "--json"], dir);
    expect(fromFile.code).toBe(1);
    expect((JSON.parse(fromFile.stdout) as EvalReport).gates).toEqual([
      { gate: "min-retrieval", threshold: 0.9, measured: 0.5, passed: false },
      { gate: "min-guard", threshold: 0.5, measured: 0.5, passed: true },
    ]);
    const overridden = await runCli(["eval", "--min-retrieval", "0.5"], dir);
    expect(overridden.code).toBe(0);
  });

  it("exits 2 on a share out of range, and on a missing or broken file", async () => {
    const dir = project();
    const share = await runCli(["eval", "--min-retrieval", "2"], dir);
    expect(share.code).toBe(2);
    expect(share.stderr).toContain("must be a share between 0 and 1, such as 0.9 or 90%");
    const missing = await runCli(["eval", "other.eval.yaml"], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Cannot read the evaluation file other.eval.yaml.");
    writeFileSync(join(dir, "broken.yaml"), "questions:\n  - { id: q, ask: a }\n");
    const broken = await runCli(["eval", "broken.yaml"], dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain("broken.yaml: questions.0.expect: ");
  });
});
