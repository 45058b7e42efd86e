import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runExtract } from "../../src/pipeline/run-extract.js";
import { validateBundle } from "../../src/read/validate/index.js";
import { repoRoot } from "../helpers/postgres-database.js";
import { writeProjectConfig } from "../helpers/project-config.js";
import { expectSameTree, readTree } from "../helpers/read-tree.js";

/** The clock the committed examples were generated with. */
const exampleClock = new Date("2026-11-27T02:00:00Z");
const examples = join(repoRoot, "examples");
const fixtures = join(repoRoot, "test", "fixtures", "dataset-lines");
const sourceTypes = ["postgres", "mysql", "redshift", "rds-data", "glue", "dynamodb", "documentdb"];

/**
 * One folder per source type in one bundle, generated from the source's dataset-lines fixture
 * through an external source that reads it: the whole pipeline (profile, classify, render,
 * merge, write) with no engine, named in the fixture's own vocabulary.
 */
describe("the per-source examples in examples/", () => {
  const roots: string[] = [];
  afterAll(async () => {
    await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
  });

  it("are exactly what okf extract writes from the fixtures (UPDATE_EXAMPLE=1 regenerates them)", async () => {
    const root = await mkdtemp(join(tmpdir(), "okf-examples-"));
    roots.push(root);
    const bundle = writeProjectConfig(
      root,
      sourceTypes.flatMap((type) => [
        `  - name: ${type}`,
        "    type: external",
        `    file: ${JSON.stringify(join(fixtures, `${type}.jsonl`))}`,
        "    domain: music",
      ]),
    );
    const result = await runExtract({ cwd: root, env: {}, now: exampleClock });
    expect(result.sources.map((source) => [source.name, source.status])).toEqual(
      sourceTypes.map((type) => [type, "ok"]),
    );
    if (process.env.UPDATE_EXAMPLE === "1") {
      await rm(examples, { recursive: true, force: true });
      await cp(bundle, examples, { recursive: true });
    }
    await expectSameTree(bundle, examples, "examples", "UPDATE_EXAMPLE=1 npx vitest run test/examples");
  });

  it("has a folder per source type, and passes okf validate without errors", async () => {
    const committed = Object.keys(await readTree(examples));
    for (const type of sourceTypes) {
      expect(committed.some((path) => path.startsWith(`${type}/`)), type).toBe(true);
    }
    const report = await validateBundle(examples, { strict: false, now: exampleClock });
    expect(report.errorCount).toBe(0);
  });
});
