import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../helpers/run-cli.js";

function withConfig(text: string): string {
  const dir = tempDir();
  writeFileSync(join(dir, "okf.config.yaml"), text);
  return dir;
}

const postgresSource = (connection: string) =>
  `sources:\n  - name: crm\n    type: postgres\n    connection: ${connection}\n`;

describe("okf extract with bad input", () => {
  it("explains a missing config and exits 2", async () => {
    const run = await runCli(["extract"], tempDir());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/No configuration file at .*okf\.config\.yaml/);
    expect(run.stderr).toContain("okf init");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("names the line of malformed YAML", async () => {
    const run = await runCli(
      ["extract"],
      withConfig("sources:\n  - name: crm\n   type: [postgres\n"),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is not valid YAML/);
    expect(run.stderr).toMatch(/line \d+/);
  });

  it("names the path of every schema error", async () => {
    const run = await runCli(
      ["extract"],
      withConfig(
        "sources:\n  - name: crm\n    type: postgres\n  - name: ../x\n    type: postgres\n    connection: a\n    colour: blue\n",
      ),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("sources[0].connection");
    expect(run.stderr).toContain("sources[1].name");
    expect(run.stderr).toMatch(/sources\[1\].*colour/);
  });

  it("rejects an unknown source type, listing the known ones, and names a glue source's bad region", async () => {
    const unknown = await runCli(
      ["extract"],
      withConfig("sources:\n  - name: x\n    type: oracle\n"),
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('sources[0].type: unknown source type "oracle"');
    expect(unknown.stderr).toContain(
      "postgres, dynamodb, documentdb, mysql, redshift, rds-data, glue",
    );
    const glue = await runCli(
      ["extract"],
      withConfig("sources:\n  - name: x\n    type: glue\n    region: Europe\n"),
    );
    expect(glue.code).toBe(2);
    expect(glue.stderr).toContain("sources[0].region");
  });

  it("requires a redshift source's glue_source to name a glue source of the same config", async () => {
    const run = await runCli(
      ["extract"],
      withConfig(
        "sources:\n  - name: wh\n    type: redshift\n    connection: postgresql://h/dev\n    glue_source: lake\n",
      ),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('sources[0].glue_source: "lake" is not the name of a glue source');
  });

  it("names an unset environment variable and where it is used", async () => {
    const run = await runCli(["extract"], withConfig(postgresSource("${OKF_TEST_UNSET_URL}")));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "sources[0].connection: environment variable OKF_TEST_UNSET_URL is not set",
    );
  });

  it("reports an unreachable database as a failed source (exit 3) without leaking the password", async () => {
    const dir = withConfig(postgresSource("${DB_URL}"));
    const run = await runCli(["extract"], dir, {
      DB_URL: "postgres://reader:s3cretPass@127.0.0.1:1/crm",
    });
    expect(run.code).toBe(3);
    expect(run.stdout + run.stderr).toMatch(/crm \[failed\]/);
    expect(run.stdout + run.stderr).not.toContain("s3cretPass");
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });

  it("rejects unknown --source names with the configured ones", async () => {
    const run = await runCli(
      ["extract", "--source", "nope"],
      withConfig(postgresSource("postgres://x@127.0.0.1:1/x")),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown source "nope"');
    expect(run.stderr).toContain("Configured sources: crm");
  });

  it("rejects unknown flags as a usage error", async () => {
    const run = await runCli(["extract", "--frobnicate"], tempDir());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown option");
  });
});

describe("okf init", () => {
  it("writes the config and bundle root once, and never overwrites", async () => {
    const dir = tempDir();
    const first = await runCli(["init"], dir);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("created okf.config.yaml");
    writeFileSync(join(dir, "okf.config.yaml"), "# mine\n");
    const second = await runCli(["init", "--json"], dir);
    expect(JSON.parse(second.stdout)).toMatchObject({
      created: [],
      kept: ["okf.config.yaml", "knowledge/index.md", "knowledge/log.md"],
    });
    const validate = await runCli(["validate", "knowledge"], dir);
    expect(validate.code).toBe(0);
  });
});
