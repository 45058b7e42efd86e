import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../helpers/run-cli.js";
import { conceptText } from "../read/steward/steward-fixture.js";

const account = "crm/db/sales/account.md";
const contact = "crm/db/sales/contact.md";

/** Seven lines of YAML whose aliases expand to 9^7 nodes. */
const aliasBomb = ["a", "b", "c", "d", "e", "f", "g"]
  .map((name, index, names) => {
    const item = index === 0 ? '"x"' : `*${names[index - 1] ?? ""}`;
    return `bomb_${name}: &${name} [${Array(9).fill(item).join(",")}]`;
  })
  .join("\n");

function project(config = "bundle: knowledge\nsources: []\n"): string {
  const dir = tempDir("okf-hostile-");
  const files: Record<string, string> = {
    "okf.config.yaml": config,
    "knowledge/index.md": '---\nokf_version: "0.2"\n---\n# Bundle\n',
    "knowledge/log.md": "# Knowledge Update Log\n",
    [`knowledge/${account}`]: conceptText({ id: "sales.crm.account", owner: "revenue-ops" }),
    [`knowledge/${contact}`]: conceptText({ id: "sales.crm.contact", owner: "revenue-ops" }),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe("a YAML alias bomb", () => {
  it("in one knowledge file is reported and skipped by validate, status, search and approve", async () => {
    const dir = project();
    const path = join(dir, "knowledge", contact);
    const bombed = readFileSync(path, "utf8").replace("---\n", `---\n${aliasBomb}\n`);
    writeFileSync(path, bombed);
    const validate = await runCli(["validate", "knowledge"], dir);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain("the frontmatter is not read: its aliases (*name) expand");
    const status = await runCli(["status"], dir);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(contact);
    const search = await runCli(["search", "account"], dir);
    expect(search.code).toBe(0);
    const approve = await runCli(["approve", "sales.crm.account", "--by", "alice"], dir);
    expect(approve.code).toBe(0);
    for (const run of [validate, status, search, approve]) {
      expect(run.stderr).not.toMatch(/internal error|unexpected error/);
    }
    expect(readFileSync(path, "utf8")).toBe(bombed);
  });

  it("in the config is a configuration error (exit 2)", async () => {
    const dir = project(`bundle: knowledge\n${aliasBomb}\nsources: []\n`);
    const run = await runCli(["extract"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("is not read: its aliases (*name) expand");
  });
});

describe("a knowledge file's own conventions", () => {
  it("a CRLF file with a byte-order mark stays so when approve rewrites it", async () => {
    const dir = project();
    const path = join(dir, "knowledge", account);
    writeFileSync(path, `\uFEFF${readFileSync(path, "utf8").replace(/\n/g, "\r\n")}`);
    const run = await runCli(["approve", "sales.crm.account", "--by", "alice"], dir);
    expect(run.stderr).toBe("");
    const text = readFileSync(path, "utf8");
    expect(text.startsWith("\uFEFF---\r\n")).toBe(true);
    expect(text).toContain("approval_status: approved\r\n");
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
  });
});

describe("configuration found invalid before any source is contacted", () => {
  const source = (extra: string) =>
    `bundle: knowledge\nsources:\n  - name: crm\n    type: postgres\n    connection: postgresql://x@127.0.0.1:1/x\n${extra}`;

  it.each([
    ["a glob with a backslash", '    include: ["public.\\\\x"]\n', "sources[0].include[0]"],
    ["a glob with NUL", '    include: ["a\\0b"]\n', "control characters"],
    ["a timeout above 2^31-1", "    statement_timeout_ms: 3000000000\n", "at most 2147483647"],
    ["an unclosed ${", '    system: "${FOO"\n', "is never closed"],
  ])("%s exits 2", async (_name, extra, message) => {
    const run = await runCli(["extract"], project(source(extra)));
    expect(run.stderr).toContain(message);
    expect(run.code).toBe(2);
  });

  it("a 300-character source name exits 2", async () => {
    const run = await runCli(
      ["extract"],
      project(source("").replace("name: crm", `name: ${"s".repeat(300)}`)),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("at most 100 characters");
  });

  it("80,000 unknown keys are rejected quickly, naming a few", async () => {
    const keys = Array.from({ length: 80_000 }, (_, i) => `    k${String(i)}: v`).join("\n");
    const started = Date.now();
    const run = await runCli(["extract"], project(source(`${keys}\n`)));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"k0", "k1", "k2", "k3", "k4" and 79995 more');
    expect(run.stderr.length).toBeLessThan(2_000);
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 30_000);
});

describe("file-system refusals", () => {
  it("a log.md that is a folder is a clear write failure (exit 4), not an internal error", async () => {
    const dir = project();
    const log = join(dir, "knowledge", "log.md");
    rmSync(log);
    mkdirSync(log);
    const run = await runCli(["approve", "sales.crm.account", "--by", "alice"], dir);
    expect(run.stderr).toContain("it is a folder where okf needs a file (EISDIR).");
    expect(run.stderr).not.toMatch(/internal error|unexpected error/);
    expect(run.code).toBe(4);
  });
});
