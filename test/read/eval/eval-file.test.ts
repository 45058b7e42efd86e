import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../../src/errors.js";
import { readEvalFile } from "../../../src/read/eval/eval-file.js";
import { tempDir } from "../../helpers/run-cli.js";

function fileWith(text: string): string {
  const path = join(tempDir("okf-eval-file-"), "okf.eval.yaml");
  writeFileSync(path, text);
  return path;
}

async function problemOf(text: string): Promise<string> {
  try {
    await readEvalFile(fileWith(text), "okf.eval.yaml");
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error("the file was accepted");
}

describe("readEvalFile", () => {
  it("reads questions and statements, defaulting the dialect to postgres", async () => {
    const file = await readEvalFile(
      fileWith(
        [
          "questions:",
          "  - { id: q1, ask: revenue, expect: [a.b.c], joins: ['a.b.c.x = a.b.d.x AND a.b.c.y = a.b.d.y'] }",
          "statements:",
          "  - { id: s1, sql: SELECT 1, expect: [{ rule: parse-error }] }",
        ].join("\n"),
      ),
      "okf.eval.yaml",
    );
    expect(file.dialect).toBe("postgres");
    expect(file.questions[0]?.joins).toEqual(["a.b.c.x = a.b.d.x AND a.b.c.y = a.b.d.y"]);
    expect(file.statements[0]?.expect).toEqual([{ rule: "parse-error" }]);
  });

  it("names the key of the first problem", async () => {
    expect(await problemOf("questions:\n  - { id: q1, ask: revenue, expect: [] }\n")).toBe(
      "okf.eval.yaml: questions.0.expect: Too small: expected array to have >=1 items.",
    );
    expect(
      await problemOf("statements:\n  - { id: s1, sql: SELECT 1, expect: [{ rule: no-such }] }\n"),
    ).toMatch(
      /^okf\.eval\.yaml: statements\.0\.expect\.0\.rule: Invalid option: .*"parse-error"\.$/,
    );
    expect(await problemOf("questions:\n  - { id: q1, ask: a, expect: [x], typo: 1 }\n")).toMatch(
      /questions\.0: Unrecognized key: "typo"/,
    );
    expect(await problemOf("gates: { min_guard: 1.5 }\nquestions: []\n")).toMatch(
      /gates\.min_guard: Too big: expected number to be <=1/,
    );
    expect(await problemOf("dialect: oracle\n")).toMatch(
      /^okf\.eval\.yaml: dialect: Invalid option: .*"partiql"/,
    );
  });

  it("rejects a join that is not written as concept.column = concept.column", async () => {
    expect(
      await problemOf("questions:\n  - { id: q1, ask: a, expect: [x], joins: ['a.b = c'] }\n"),
    ).toMatch(/questions\.0\.joins\.0: a join reads/);
  });

  it("wants ids unique across questions and statements", async () => {
    expect(
      await problemOf(
        "questions:\n  - { id: same, ask: a, expect: [x] }\nstatements:\n  - { id: same, sql: SELECT 1, expect: [] }\n",
      ),
    ).toBe("okf.eval.yaml: statements.0.id: ids are unique.");
  });

  it("refuses an empty file, broken YAML and a missing file", async () => {
    expect(await problemOf("")).toBe("okf.eval.yaml holds no question and no statement.");
    expect(await problemOf("questions: [\n")).toMatch(/^okf\.eval\.yaml:2: /);
    await expect(readEvalFile("/nonexistent/okf.eval.yaml", "x.yaml")).rejects.toThrow(
      "Cannot read the evaluation file x.yaml.",
    );
  });
});
