import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runDemo } from "../../src/demo/run-demo.js";
import { validateBundle } from "../../src/read/validate/index.js";
import { repoRoot } from "../helpers/postgres-database.js";
import { expectSameTree } from "../helpers/read-tree.js";

/** The clock the committed example bundle was generated with. */
const exampleClock = new Date("2026-11-27T02:00:00Z");
const exampleBundle = join(repoRoot, "knowledge");

describe("the example bundle in knowledge/", () => {
  const roots: string[] = [];
  afterAll(async () => {
    await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
  });

  it("is exactly what `okf demo` generates (UPDATE_EXAMPLE=1 regenerates it)", async () => {
    const root = await mkdtemp(join(tmpdir(), "okf-example-"));
    roots.push(root);
    const demo = await runDemo({ dir: "demo", cwd: root, now: exampleClock });
    expect(demo.result.exitCode).toBe(0);
    if (process.env.UPDATE_EXAMPLE === "1") {
      await rm(exampleBundle, { recursive: true, force: true });
      await cp(demo.bundleDir, exampleBundle, { recursive: true });
    }
    await expectSameTree(
      demo.bundleDir,
      exampleBundle,
      "knowledge",
      "UPDATE_EXAMPLE=1 npx vitest run test/demo",
    );
  });

  it("passes okf validate; its only warnings are the steward's open decisions", async () => {
    const report = await validateBundle(exampleBundle, { strict: false, now: exampleClock });
    expect(report.errorCount).toBe(0);
    expect(new Set(report.findings.map((f) => f.rule))).toEqual(
      new Set(["governance/pending-decision", "governance/pii-agent-usage"]),
    );
  });
});
