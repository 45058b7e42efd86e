import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runExtract } from "../../src/pipeline/run-extract.js";
import { renderDriftSummary } from "../../src/read/steward/drift-summary.js";
import { expectGolden } from "../helpers/golden.js";
import { changedFiles, createGitProject, type GitProject } from "./git-project.js";

const schema = `
CREATE SCHEMA sales;
CREATE TABLE sales.customer_account (
  account_id bigint PRIMARY KEY,
  name text NOT NULL,
  amount numeric(10,2),
  legacy_code text
);
COMMENT ON TABLE sales.customer_account IS 'Customer accounts.';
CREATE TABLE sales.territory (territory_id int PRIMARY KEY, label text NOT NULL);
CREATE TABLE sales.old_contact (contact_id int PRIMARY KEY, note text);
INSERT INTO sales.customer_account
  SELECT g, 'Account ' || g, g * 1.5, 'L' || g FROM generate_series(1, 500) g;
INSERT INTO sales.territory SELECT g, 'Territory ' || g FROM generate_series(1, 40) g;
INSERT INTO sales.old_contact SELECT g, 'note' FROM generate_series(1, 20) g;
ANALYZE;
`;

const drift = `
ALTER TABLE sales.customer_account ADD COLUMN region text;
ALTER TABLE sales.customer_account ALTER COLUMN amount TYPE numeric(12,2);
ALTER TABLE sales.customer_account DROP COLUMN legacy_code;
CREATE INDEX customer_account_region_idx ON sales.customer_account (region);
ALTER TABLE sales.territory ADD COLUMN contact_email text;
UPDATE sales.territory SET contact_email = 'territory' || territory_id || '@example.com';
DROP TABLE sales.old_contact;
CREATE TABLE sales.invoice (
  invoice_id int PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES sales.customer_account,
  billing_email text
);
INSERT INTO sales.invoice SELECT g, g, 'billing' || g || '@example.com' FROM generate_series(1, 200) g;
ANALYZE;
`;

const linkBase = "https://github.com/acme/data-knowledge/blob/okf/nightly/";

describe("okf extract --commit on a realistic drift", () => {
  let project: GitProject;
  const account = () => `crm/${project.db.name}/sales/customer_account.md`;

  beforeAll(async () => {
    project = await createGitProject("okf_drift", schema, { subfolder: "platform" });
    const first = await project.commitRun();
    expect(first.commit.sha).toBeDefined();
    // A steward approved customer_account (okf approve is built elsewhere: set it by hand).
    project.write(
      account(),
      project
        .read(account())
        .replace(
          "approval_status: draft\nstatus: draft",
          "approval_status: approved\nstatus: stable",
        ),
    );
    project.git("commit", "-q", "-am", "Approve customer_account");
    await project.db.admin(drift);
  });
  afterAll(async () => {
    await project.db.drop();
  });

  it("commits exactly the changed bundle files on a new branch and summarises the drift", async () => {
    const approved = project.git("rev-parse", "HEAD");
    const dry = await runExtract({ ...project.options("2026-11-28T02:00:00Z"), dryRun: true });
    const before = project.snapshot();
    const run = await project.commitRun({ branch: "okf/nightly" }, "2026-11-28T02:00:00Z");
    const after = project.snapshot();

    const source = run.result.sources[0];
    expect(run.result.exitCode).toBe(0);
    expect(source?.changes).toHaveLength(4);
    expect(source?.changes).toEqual(dry.sources[0]?.changes);
    expect(run.commit.branch).toBe("okf/nightly");
    expect(run.commit.sha).toBe(project.git("rev-parse", "HEAD"));
    expect(project.git("symbolic-ref", "--short", "HEAD")).toBe("okf/nightly");
    expect(project.git("rev-parse", "main")).toBe(approved);
    expect(project.git("rev-parse", "HEAD~1")).toBe(approved);
    expect(project.git("log", "-1", "--format=%s")).toBe(
      "okf: regenerate knowledge (1 created, 2 changed, 1 deprecated)",
    );
    const changed = changedFiles(before, after).map((path) => `platform/knowledge/${path}`);
    expect(changed).toContain(`platform/knowledge/${account()}`);
    expect(changed).toContain("platform/knowledge/log.md");
    expect(run.commit.files.sort()).toEqual(changed);
    // Only the bundle is okf's to commit; the config file outside it stays untracked.
    expect(project.git("status", "--porcelain", "--untracked-files=all")).toBe(
      "?? platform/okf.config.yaml",
    );

    const customer = source?.changes.find((change) => change.path === account());
    expect(customer?.movedToReview).toBe(true);
    expect(project.read(account())).toContain("approval_status: needs_review");

    const summary = renderDriftSummary(run.result, {
      bundlePath: run.bundlePath,
      linkBase,
      date: "2026-11-28",
    });
    expect(run.bundlePath).toBe("platform/knowledge");
    expect(summary).not.toContain("@example.com");
    expectGolden("drift-summary.md", summary.replaceAll(project.db.name, "DB"));
  });
});
