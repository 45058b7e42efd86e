import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { EvalReport } from "../../src/read/eval/run-evaluation.js";
import { runCli } from "../helpers/run-cli.js";
import { demoProject } from "../read/search/demo-bundle-copy.js";
import { reviewDemoBundle } from "./steward-review.js";

const repository = join(import.meta.dirname, "../..");
const evalFile = join(repository, "eval", "okf.eval.yaml");

const percent = (value: number | undefined) =>
  value === undefined ? "n/a" : `${(value * 100).toFixed(1)}%`;

/** The figures as the README's table prints them, in its row order. */
function figures(report: EvalReport): string[] {
  return [
    percent(report.retrieval.top1),
    percent(report.retrieval.top3),
    report.retrieval.mrr?.toFixed(3) ?? "n/a",
    percent(report.joins.accuracy),
    percent(report.sensitive.recall),
    percent(report.sensitive.precision),
    percent(report.guard.recall),
    percent(report.guard.precision),
  ];
}

/** The drafts and reviewed columns of the README's figures table. */
function readmeColumns(): { drafts: string[]; reviewed: string[] } {
  const readme = readFileSync(join(repository, "README.md"), "utf8");
  const table = readme.split("<!-- eval-figures:")[1]?.split("\n\n")[0] ?? "";
  const rows = table
    .split("\n")
    .filter((line) => line.startsWith("| ") && !line.startsWith("| figure"))
    .map((line) => line.split("|").map((cell) => cell.trim()));
  return { drafts: rows.map((row) => row[2] ?? ""), reviewed: rows.map((row) => row[3] ?? "") };
}

async function evaluate(dir: string, args: string[] = []) {
  const run = await runCli(["eval", evalFile, "--json", ...args], dir);
  return { code: run.code, report: JSON.parse(run.stdout) as EvalReport };
}

describe("the demo's evaluation", () => {
  it("has the questions and statements the issue asks for, written for this bundle", async () => {
    const { report } = await evaluate(demoProject().dir);
    expect(report.questions).toBeGreaterThanOrEqual(40);
    expect(report.statements).toBeGreaterThanOrEqual(30);
  });

  it("scores the drafts as the README says, and passes the file's gates", async () => {
    const { code, report } = await evaluate(demoProject().dir);
    expect(figures(report)).toEqual(readmeColumns().drafts);
    expect(report.gates.map((gate) => gate.gate)).toEqual(["min-retrieval", "min-guard"]);
    expect(code).toBe(0);
    // What only a steward knows is what the drafts miss.
    expect(report.misses.joins.map((miss) => miss.question)).toEqual(["legacy-to-current"]);
    expect(report.misses.sensitive.map((miss) => miss.field)).toEqual(["display_name"]);
  });

  it("scores the reviewed drafts as the README says, no figure worse than the drafts'", async () => {
    const drafts = (await evaluate(demoProject().dir)).report;
    const { dir, edit } = demoProject();
    reviewDemoBundle(edit);
    const { code, report } = await evaluate(dir, ["--min-guard", "1"]);
    expect(figures(report)).toEqual(readmeColumns().reviewed);
    expect(code).toBe(0);
    expect(report.misses.guard).toEqual([]);
    const parse = (text: string) => Number.parseFloat(text);
    figures(report).forEach((figure, index) => {
      expect(parse(figure)).toBeGreaterThanOrEqual(parse(figures(drafts)[index] ?? ""));
    });
  });

  it("fails the drafts on the reviewed bundle's gate: the guard misses what nobody recorded", async () => {
    const { code, report } = await evaluate(demoProject().dir, ["--min-guard", "1"]);
    expect(code).toBe(1);
    expect(report.gates).toEqual([
      expect.objectContaining({ gate: "min-retrieval", passed: true }),
      expect.objectContaining({ gate: "min-guard", threshold: 1, passed: false }),
    ]);
  });
});
