import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoConfigText } from "../../src/demo/demo-config.js";
import { runDemo, type DemoResult } from "../../src/demo/run-demo.js";
import { frontmatterValues, parseKnowledgeFile } from "../../src/knowledge-file/knowledge-file.js";
import { runCli } from "../helpers/run-cli.js";

const run = promisify(execFile);
const now = new Date("2026-11-27T02:00:00Z");
const demoObjects = [
  "finance/invoice",
  "finance/monthly_revenue",
  "finance/revenue_recognized",
  "legacy/customer_account_2019",
  "sales/active_accounts",
  "sales/customer_account",
  "sales/opportunity",
  "sales/order_line",
  "sales/sales_order",
  "sales/territory",
];

/** Every file under `dir` (dot-folders included), relative path → content. */
async function readTree(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = new Map<string, string>();
  for (const entry of entries.filter((e) => e.isFile())) {
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), await readFile(path, "utf8"));
  }
  return files;
}

describe("runDemo", () => {
  let root: string;
  let first: DemoResult;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "okf-demo-test-"));
    first = await runDemo({ dir: "demo", cwd: root, now });
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("writes the commented config and a knowledge file per demo table and view", async () => {
    expect(first.dir).toBe(join(root, "demo"));
    expect(first.bundleDir).toBe(join(root, "demo", "knowledge"));
    expect(first.result.exitCode).toBe(0);
    expect(await readFile(join(first.dir, "okf.config.yaml"), "utf8")).toBe(demoConfigText);

    const tree = await readTree(join(first.bundleDir, "crm", "postgres"));
    const concepts = [...tree.keys()]
      .filter((path) => path.endsWith(".md") && !path.endsWith("index.md"))
      .map((path) => path.replace(/\.md$/, ""))
      .sort();
    expect(concepts).toEqual(demoObjects);
    expect(first.result.sources[0]?.created).toHaveLength(demoObjects.length);
  });

  it("carries the source comments and config defaults into the frontmatter", async () => {
    const file = join(first.bundleDir, "crm", "postgres", "sales", "customer_account.md");
    const data = frontmatterOf(await readFile(file, "utf8"), file);
    expect(data).toMatchObject({
      type: "PostgreSQL Table",
      description:
        "Customer accounts synchronised from the CRM; source of truth for segment, owner and territory.",
      system: "aurora-postgresql",
      database: "postgres",
      schema: "sales",
      table: "customer_account",
      domain: "sales",
      steward: "data-platform-team",
      environment: "demo",
    });
  });

  it("writes nothing on a second run in the same folder (a freshly seeded engine)", async () => {
    const before = await readTree(first.dir);
    const second = await runDemo({ dir: "demo", cwd: root, now });
    expect(second.result.filesWritten).toBe(0);
    expect(second.result.sources[0]?.unchanged).toHaveLength(demoObjects.length);
    expect(await readTree(first.dir)).toEqual(before);
  });

  it("says in the demo folder how to extract again, and `okf demo --dir .` there does", async () => {
    const env = { ...process.env, OKF_DEMO_DATABASE_URL: "" };
    const extract = await runCli(["extract"], first.dir, env);
    expect(extract.code).toBe(2);
    expect(extract.stderr).toContain("Run `npx okf demo --dir .` here");
    const again = await runCli(["demo", "--dir", "."], first.dir, env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain("Try: npx okf validate\n");
    expect(await readdir(first.dir)).not.toContain("okf-demo");
  });

  it("gives byte-identical output in another folder, as the committed example bundle needs", async () => {
    const other = await runDemo({ dir: "again", cwd: root, now });
    expect(await readTree(other.dir)).toEqual(await readTree(first.dir));
  });

  it("keeps an existing okf.config.yaml as it is", async () => {
    const dir = join(root, "custom");
    const config = demoConfigText.replace("steward: data-platform-team", "steward: finance-team");
    await mkdir(dir);
    await writeFile(join(dir, "okf.config.yaml"), config);
    await runDemo({ dir: "custom", cwd: root, now });
    expect(await readFile(join(dir, "okf.config.yaml"), "utf8")).toBe(config);
    const file = join(dir, "knowledge", "crm", "postgres", "sales", "territory.md");
    expect(frontmatterOf(await readFile(file, "utf8"), file)).toMatchObject({
      steward: "finance-team",
    });
  });

  it("leaves nothing running: the process exits by itself after success and after failure", async () => {
    const script = fileURLToPath(new URL("fixtures/run-demo-and-exit.ts", import.meta.url));
    const tsx = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));
    const demoInChild = async (dir: string): Promise<string> =>
      (await run(tsx, [script, dir], { cwd: root, timeout: 85_000 })).stdout.trim();

    expect(await demoInChild(join(root, "child"))).toBe("exitCode=0");
    const broken = join(root, "broken");
    await mkdir(broken);
    await writeFile(join(broken, "okf.config.yaml"), "sources: []\n");
    expect(await demoInChild(broken)).toBe("error=ConfigError");
    // Two child processes that each compile and seed the demo: slow on a loaded 2-core runner.
  }, 180_000);
});

function frontmatterOf(text: string, file: string): Record<string, unknown> {
  return frontmatterValues(parseKnowledgeFile(text, file).frontmatter);
}
