import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExtractFixture, type ExtractFixture } from "../../helpers/extract-fixture.js";
import { runCli } from "../../helpers/run-cli.js";

const schema = `
CREATE SCHEMA sales;
CREATE TABLE sales.account (account_id bigint PRIMARY KEY, name text NOT NULL, segment text);
COMMENT ON TABLE sales.account IS 'Customer accounts.';
CREATE TABLE sales.contact (contact_id int PRIMARY KEY, work_email text NOT NULL);
INSERT INTO sales.account SELECT g, 'Account ' || g, 'smb' FROM generate_series(1, 200) g;
INSERT INTO sales.contact SELECT g, 'contact' || g || '@example.com' FROM generate_series(1, 200) g;
ANALYZE;
`;

/**
 * The Usage and Freshness section shows pg_stat_user_tables counters, which the server publishes
 * some time after the loading session wrote the rows. Publish them now, so that a late flush
 * during the test cannot pass for a change of the source.
 */
async function settleStatistics(fixture: ExtractFixture): Promise<void> {
  const inserted =
    "SELECT coalesce(sum(n_tup_ins), 0)::int AS n FROM pg_stat_user_tables WHERE schemaname = 'sales'";
  try {
    await fixture.db.admin("SELECT pg_stat_force_next_flush()");
    for (let attempt = 0; attempt < 50; attempt++) {
      const [row] = await fixture.db.admin<{ n: number }>(inserted);
      if (row?.n === 400) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch {
    // PGlite or PostgreSQL < 15: no flush on demand; its counters are published at once.
  }
}

/**
 * The steward's path end to end, in a temporary git repository as the nightly job leaves it:
 * extract → edit → approve → extract again (nothing to write) → the source changes → extract
 * sets needs_review → approve again. A real PostgreSQL source (PGlite when no server answers).
 */
describe("approve, then regenerate", () => {
  let fixture: ExtractFixture;
  const account = () => `crm/${fixture.db.name}/sales/account.md`;
  const contact = () => `crm/${fixture.db.name}/sales/contact.md`;
  const git = (...args: string[]) =>
    execFileSync(
      "git",
      ["-c", "user.name=okf test", "-c", "user.email=okf-test@example.invalid", ...args],
      { cwd: fixture.dir, encoding: "utf8" },
    );
  const commit = (message: string) => {
    git("add", "-A");
    git("commit", "-q", "-m", message);
  };
  const stateFiles = () => {
    const dir = join(fixture.bundle, ".okf", "state");
    return readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), "utf8")]);
  };
  /** What a steward does in the pull request: write the meaning, name the owner. */
  const review = (path: string) => {
    fixture.write(
      path,
      fixture
        .read(path)
        .replace(/_Owner to write[^\n]*/g, "Reviewed with revenue operations.")
        .replace(
          "steward: data-platform-team",
          "owner: revenue-operations\nsteward: data-platform-team",
        )
        .replace(/^(pii: true\n)/m, "$1agent_usage: allowed_with_masking\n"),
    );
  };

  beforeAll(async () => {
    fixture = await createExtractFixture("okf_approve_regen", schema);
    await settleStatistics(fixture);
    git("init", "-q");
    const first = await fixture.extract();
    expect(first.exitCode).toBe(0);
    commit("nightly: first extract");
  });
  afterAll(async () => {
    await fixture.db.drop();
  });

  it("keeps an approval through a regeneration of an unchanged source: nothing is written", async () => {
    review(account());
    // The nightly run after the review takes the Business Meaning's first sentence as the
    // description, where the table comment was.
    expect(fixture.read(account())).toContain("description: Customer accounts.\n");
    await fixture.extract({ now: "2026-11-27T03:00:00Z" });
    expect(fixture.read(account())).toContain("description: Reviewed with revenue operations.\n");
    commit("nightly: the steward's meaning becomes the description");
    const state = stateFiles();
    const run = await runCli(["approve", "sales.crm.account", "--by", "maria.lopez"], fixture.dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(stateFiles()).toEqual(state);
    const approved = fixture.read(account());
    expect(approved).toMatch(
      /approval_status: approved\nlast_reviewed_at: "[^"]+"\nnext_review_due: "[^"]+"\nstatus: stable\n/,
    );
    expect(approved).toMatch(
      /verified:\n {2}- by: human:maria\.lopez\n {4}at: "[^"]+"\nstale_after: "[^"]+"\n/,
    );
    commit("approve account");

    const again = await fixture.extract({ now: "2026-11-28T02:00:00Z" });
    expect(again.exitCode).toBe(0);
    expect(again.filesWritten).toBe(0);
    expect(git("status", "--porcelain")).toBe("");
    expect(fixture.read(account())).toBe(approved);
  });

  it("refuses a file whose sensitive findings are undecided, and approves it once decided", async () => {
    review(contact());
    const refused = await runCli(["approve", contact(), "--by", "maria.lopez"], fixture.dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `${contact()}: 1 sensitive-field decision pending (work_email)`,
    );
    fixture.write(
      contact(),
      fixture
        .read(contact())
        .replace(/(\| work_email \| pii\.email \|[^\n]*\|) \| \|$/m, "$1 confirmed | |"),
    );
    await fixture.extract({ now: "2026-11-28T12:00:00Z" });
    expect(fixture.read(contact())).toContain("description: Reviewed with revenue operations.\n");
    commit("nightly: the steward's meaning becomes the description");
    const approved = await runCli(["approve", contact(), "--by", "maria.lopez"], fixture.dir);
    expect(approved.code).toBe(0);
    commit("approve contact");
    const validate = await runCli(["validate", "--format", "github"], fixture.dir);
    expect(validate.stdout).not.toContain(contact());
    const approvedText = fixture.read(contact());
    // A person's Decision cell is theirs: the next run keeps the file byte for byte.
    const nightly = await fixture.extract({ now: "2026-11-29T02:00:00Z" });
    expect(nightly.filesWritten).toBe(0);
    expect(fixture.read(contact())).toBe(approvedText);
    expect(git("status", "--porcelain")).toBe("");
  });

  it("sends the approved file back to review when its columns change, keeping the review record", async () => {
    const before = fixture.read(account());
    const verified = /verified:\n(?: {2}- [^\n]*\n(?: {4}[^\n]*\n)*)+/.exec(before)?.[0];
    expect(verified).toBeDefined();
    await fixture.db.admin("ALTER TABLE sales.account ADD COLUMN region text");
    const changed = await fixture.extract({ now: "2026-11-30T02:00:00Z" });
    expect(changed.sources[0]?.changed).toContain(account());
    const after = fixture.read(account());
    expect(after).toContain("approval_status: needs_review\n");
    expect(after).toContain("status: draft\n");
    expect(after).toContain(verified);
    expect(after).toContain("| region | text | yes |");
    expect(fixture.read("log.md")).toContain(
      "+ column region; approval_status: approved → needs_review",
    );
    expect(fixture.read(contact())).toContain("approval_status: approved\n");

    const status = await runCli(["status", "--min-approved", "100%"], fixture.dir);
    expect(status.code).toBe(1);
    expect(status.stdout).toContain(
      `Needs review (facts changed since approval): 1\n  ${account()}\n`,
    );
    expect(status.stderr).toBe(
      "okf: approved coverage 50% (1 of 2 non-deprecated files) is below the required 100%\n",
    );

    const reapproved = await runCli(
      ["approve", account(), "--by", "human:ana", "--next-review", "30"],
      fixture.dir,
    );
    expect(reapproved.code).toBe(0);
    const final = fixture.read(account());
    expect(final).toContain("approval_status: approved\n");
    expect(final).toMatch(/ {2}- by: human:maria\.lopez\n {4}at: "[^"]+"\n {2}- by: human:ana\n/);
    expect((await runCli(["status", "--min-approved", "1"], fixture.dir)).code).toBe(0);
    const quiet = await fixture.extract({ now: "2026-12-01T02:00:00Z" });
    expect(quiet.filesWritten).toBe(0);
    expect(fixture.read(account())).toBe(final);
  });
});
