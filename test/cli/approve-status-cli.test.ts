import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../helpers/run-cli.js";
import { conceptText } from "../read/steward/steward-fixture.js";

const account = "crm/db/sales/account.md";
const contact = "crm/db/sales/contact.md";

/** A project folder: okf.config.yaml naming `knowledge`, and a small bundle. */
function project(): { dir: string; read: (path: string) => string } {
  const dir = tempDir("okf-steward-cli-");
  const files: Record<string, string> = {
    "okf.config.yaml": "bundle: knowledge\ndefaults:\n  review_interval_days: 60\nsources: []\n",
    "knowledge/index.md": '---\nokf_version: "0.2"\n---\n# Bundle\n',
    "knowledge/log.md": "# Knowledge Update Log\n",
    [`knowledge/${account}`]: conceptText({ id: "sales.crm.account", owner: "revenue-ops" }),
    [`knowledge/${contact}`]: conceptText({
      id: "sales.crm.contact",
      title: "contact",
      owner: "revenue-ops",
      sensitive: [["work_email", ""]],
    }),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, read: (path) => readFileSync(join(dir, "knowledge", path), "utf8") };
}

describe("okf approve through the CLI", () => {
  it("approves by id with the config's review interval, prints what it did, exits 0", async () => {
    const { dir, read } = project();
    const run = await runCli(["approve", "sales.crm.account", "--by", "alice"], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^approved crm\/db\/sales\/account\.md\n1 file approved by human:alice at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ; next review due \d{4}-\d\d-\d\d\. Recorded in log\.md\.\n$/,
    );
    const text = read(account);
    expect(text).toContain("approval_status: approved\n");
    expect(text).toContain("status: stable\n");
    const reviewed = /last_reviewed_at: "([^"]+)"/.exec(text)?.[1] ?? "";
    const due = /next_review_due: "([^"]+)"/.exec(text)?.[1] ?? "";
    expect(new Date(due).getTime() - new Date(reviewed).getTime()).toBe(60 * 86_400_000);
    expect(read("log.md")).toContain(
      "- Approved [account](crm/db/sales/account.md): by human:alice; next review ",
    );
  });

  it("refuses a file with a pending decision: one line per file on stderr, exit 1, nothing written; --force passes", async () => {
    const { dir, read } = project();
    const before = read(contact);
    const run = await runCli(["approve", "sales.crm.contact", account, "--by", "alice"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      [
        "okf: refused to approve 1 file; nothing was written.",
        "  crm/db/sales/contact.md: 1 sensitive-field decision pending (work_email)",
        "  fix: decide each Sensitive Fields row (confirmed or rejected), replace the `_Owner to write` placeholders and set `owner:`; or pass --force to approve the files as they are.",
        "",
      ].join("\n"),
    );
    expect(read(contact)).toBe(before);
    expect(read(account)).not.toContain("approved");
    const forced = await runCli(
      ["approve", "sales.crm.contact", "--by", "alice", "--force", "--json"],
      dir,
    );
    expect(forced.code).toBe(0);
    const result = JSON.parse(forced.stdout) as {
      approved: Array<{ path: string; forcedPast: string[] }>;
    };
    expect(result.approved).toEqual([
      expect.objectContaining({
        path: contact,
        forcedPast: ["1 pending sensitive-field decision"],
      }),
    ]);
  });

  it("prints the refusal as JSON with --json, still exiting 1", async () => {
    const { dir } = project();
    const run = await runCli(["approve", contact, "--by", "alice", "--json"], dir);
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as {
      refused: Array<{ path: string; forceable: boolean }>;
    };
    expect(result.refused).toEqual([expect.objectContaining({ path: contact, forceable: true })]);
  });

  it("exits 2 on usage errors: unknown concept, missing or bad --by, bad --next-review, no bundle", async () => {
    const { dir } = project();
    const unknown = await runCli(["approve", "sales.crm.acount", "--by", "alice"], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('did you mean "sales.crm.account"?');
    expect((await runCli(["approve", "sales.crm.account"], dir)).code).toBe(2);
    expect((await runCli(["approve", "sales.crm.account", "--by", " "], dir)).code).toBe(2);
    expect(
      (await runCli(["approve", "sales.crm.account", "--by", "a", "--next-review", "0"], dir)).code,
    ).toBe(2);
    expect((await runCli(["approve", "--by", "alice"], dir)).code).toBe(2);
    const elsewhere = await runCli(["approve", "x", "--by", "alice"], tempDir());
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.stderr).toContain("No bundle given and no configuration file");
  });
});

describe("okf status through the CLI", () => {
  it("prints the table, and one JSON document with --json", async () => {
    const { dir } = project();
    const text = await runCli(["status"], dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("total       2         0      2");
    expect(text.stdout).toContain(
      "Pending sensitive-field decisions: 1 row in 1 file\n  crm/db/sales/contact.md  1 row\n",
    );
    const json = await runCli(["status", "--json", "--bundle", "knowledge"], dir);
    const status = JSON.parse(json.stdout) as { bundle: string; total: { concepts: number } };
    expect(status).toMatchObject({ bundle: "knowledge", total: { concepts: 2 } });
  });

  it("--min-approved gates coverage: exit 1 with one line on stderr below it, 0 at it", async () => {
    const { dir } = project();
    const below = await runCli(["status", "--min-approved", "50%"], dir);
    expect(below.code).toBe(1);
    expect(below.stderr).toBe(
      "okf: approved coverage 0% (0 of 2 non-deprecated files) is below the required 50%\n",
    );
    await runCli(["approve", "sales.crm.account", "--by", "alice"], dir);
    const met = await runCli(["status", "--min-approved", "0.5", "--json"], dir);
    expect(met.code).toBe(0);
    expect((JSON.parse(met.stdout) as { gate: unknown }).gate).toEqual({
      minApproved: 0.5,
      passed: true,
      message: "approved coverage 50% (1 of 2 non-deprecated files) meets the required 50%",
    });
    const bad = await runCli(["status", "--min-approved", "80"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("must be a share such as 0.8 or 80%");
  });
});
