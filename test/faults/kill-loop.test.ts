import { spawn } from "node:child_process";
import { once } from "node:events";
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, repoRoot, type TestDatabase } from "../helpers/postgres-database.js";
import { writeProjectConfig } from "../helpers/project-config.js";
import { runCli, tempDir } from "../helpers/run-cli.js";

/**
 * A real `okf extract` in a child process, killed with SIGKILL at every durable step of its
 * writes (OKF_TEST_KILL_AT_STEP, see src/bundle/fault-hook.ts), then a clean run: the bundle
 * must be what uninterrupted runs give, and a person's edit made before the killed run stays.
 */
const tables = ["t_a", "t_b", "t_c"];
const editedCell = "Person's own words about the amount.";

function commentsSql(version: string, withNew: boolean): string {
  const names = withNew ? [...tables, "t_new"] : tables;
  return [
    withNew ? "CREATE TABLE IF NOT EXISTS shop.t_new (id int PRIMARY KEY, amount numeric);" : "",
    ...names.map(
      (name) =>
        `COMMENT ON TABLE shop.${name} IS '${name} table, ${version}'; COMMENT ON COLUMN shop.${name}.amount IS 'amount of ${name}, ${version}';`,
    ),
  ].join("\n");
}

/** Every file of the bundle but log.md (history: a killed run's lines are not in it). */
function snapshot(bundle: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(bundle, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(bundle, join(entry.parentPath, entry.name));
    if (path === "log.md") continue;
    files[path] = readFileSync(join(bundle, path), "utf8").replace(
      /(generated:\n\s+by: [^\n]+\n\s+at: )"[^"]+"/g,
      '$1"<time>"',
    );
  }
  return files;
}

function killedExtract(dir: string, env: Record<string, string>, step: number) {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      join(repoRoot, "src/cli/entry.ts"),
      "extract",
      "--no-profile",
      "--config",
      join(dir, "okf.config.yaml"),
    ],
    {
      cwd: repoRoot,
      env: { PATH: process.env.PATH, CI: "true", ...env, OKF_TEST_KILL_AT_STEP: String(step) },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return once(child, "exit").then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
    output,
  }));
}

describe("a run killed at any instant", () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  let baseDir: string;
  let reference: { files: Record<string, string>; notes: string[] };

  const notesOf = (stdout: string) =>
    stdout
      .split("\n")
      .filter((line) => line.includes("kept as edited"))
      .sort();

  beforeAll(async () => {
    db = await createTestDatabase("okf_kill_loop");
    await db.admin(
      `CREATE SCHEMA shop; ${tables.map((name) => `CREATE TABLE shop.${name} (id int PRIMARY KEY, amount numeric);`).join(" ")}`,
    );
    env = { TEST_DATABASE_URL: db.url };
    await db.admin(commentsSql("v1", false));
    baseDir = tempDir("okf-kill-base-");
    const bundle = writeProjectConfig(baseDir, [
      "  - name: crm",
      "    type: postgres",
      "    connection: ${TEST_DATABASE_URL}",
    ]);
    expect((await runCli(["extract", "--no-profile"], baseDir, env)).code).toBe(0);
    // A person's edit, made before the run that will be killed.
    const file = join(bundle, "crm", db.name, "shop", "t_a.md");
    const text = readFileSync(file, "utf8");
    expect(text).toContain("amount of t_a, v1");
    writeFileSync(file, text.replace("amount of t_a, v1", editedCell));

    const refDir = copyProject(baseDir);
    await db.admin(commentsSql("v2", true));
    expect((await runCli(["extract", "--no-profile"], refDir, env)).code).toBe(0);
    await db.admin(commentsSql("v3", true));
    const last = await runCli(["extract", "--no-profile"], refDir, env);
    expect(last.code).toBe(0);
    reference = { files: snapshot(join(refDir, "knowledge")), notes: notesOf(last.stdout) };
    expect(reference.files[`crm/${db.name}/shop/t_b.md`]).toContain("amount of t_b, v3");
    expect(reference.files[`crm/${db.name}/shop/t_a.md`]).toContain(editedCell);
  }, 120_000);

  afterAll(async () => {
    await db.drop();
  });

  it("leaves a bundle that a clean run brings to exactly what uninterrupted runs give", async () => {
    let kills = 0;
    for (let step = 1; step <= 60; step++) {
      const dir = copyProject(baseDir);
      await db.admin(commentsSql("v2", true));
      const killed = await killedExtract(dir, env, step);
      await db.admin(commentsSql("v3", true));
      const clean = await runCli(["extract", "--no-profile"], dir, env);
      expect(clean.code, clean.stderr).toBe(0);
      expect(notesOf(clean.stdout), `killed at step ${String(step)}`).toEqual(reference.notes);
      expect(snapshot(join(dir, "knowledge")), `killed at step ${String(step)}`).toEqual(
        reference.files,
      );
      rmSync(dir, { recursive: true, force: true });
      if (killed.signal !== "SIGKILL") {
        expect(killed.code, killed.output).toBe(0);
        break;
      }
      kills++;
    }
    expect(kills).toBeGreaterThanOrEqual(12);
  }, 600_000);
});

function copyProject(from: string): string {
  const to = tempDir("okf-kill-run-");
  cpSync(from, to, { recursive: true });
  return to;
}
