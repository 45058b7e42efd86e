import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, tempDir } from "../../helpers/run-cli.js";
import { copyDemoBundle, startOkfServer, type McpSession } from "./mcp-session.js";

const conceptPath = "crm/postgres/sales/customer_account.md";
const proposedText =
  "One row per customer company that has signed at least one order form. The CRM is the source of truth; finance reads the billing contact from here.";

/**
 * A git repository holding a committed copy of the demo bundle at `knowledge/`, in which a
 * steward approved customer_account.
 */
async function demoRepository(): Promise<{
  repo: string;
  bundle: string;
  env: Record<string, string>;
}> {
  const { dir: repo, bundle } = copyDemoBundle(tempDir("okf-mcp-repo-"));
  const env = { HOME: tempDir("okf-mcp-home-"), GIT_CONFIG_NOSYSTEM: "1" };
  const approved = await runCli(
    ["approve", conceptPath, "--by", "alice", "--force", "--bundle", "knowledge"],
    repo,
    env,
  );
  if (approved.code !== 0) throw new Error(approved.stderr);
  const git = (...args: string[]) =>
    execFileSync("git", args, { cwd: repo, env: { PATH: process.env.PATH, ...env } });
  git("init", "-q", "-b", "main");
  git("config", "user.name", "Test Steward");
  git("config", "user.email", "steward@example.org");
  git("add", ".");
  git("commit", "-q", "-m", "demo bundle");
  return { repo, bundle, env };
}

function gitOutput(repo: string, env: Record<string, string>, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd: repo,
    env: { PATH: process.env.PATH, ...env },
    encoding: "utf8",
  }).trim();
}

describe("propose_update over MCP, then okf proposals apply", () => {
  let repo: string;
  let bundle: string;
  let env: Record<string, string>;
  let approvedBefore: Buffer;
  let session: McpSession;

  beforeAll(async () => {
    ({ repo, bundle, env } = await demoRepository());
    approvedBefore = readFileSync(join(bundle, conceptPath));
    expect(approvedBefore.toString()).toContain("\napproval_status: approved\n");
    session = await startOkfServer(["serve", "--mcp", "--bundle", "knowledge"], {
      cwd: repo,
      env,
    });
  });
  afterAll(async () => {
    await session.close();
  });

  it("refuses bad proposals as tool errors and writes nothing", async () => {
    const valid = {
      id: "sales.crm.customer_account",
      section: "Business Meaning",
      text: proposedText,
      rationale: "Confirmed with the sales operations team.",
    };
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ ...valid, id: "sales.crm.nope" }, /neither a concept id nor a concept path/],
      [{ ...valid, id: "../../etc/passwd" }, /lies outside the bundle/],
      [{ ...valid, id: "../proposals/x" }, /lies outside the bundle/],
      [{ ...valid, section: "Purpose" }, /has no section "Purpose".*Business Meaning/],
      [{ ...valid, section: "Schema" }, /generated section/],
      [{ ...valid, text: "x".repeat(20_001) }, /<=20000 characters/],
      [{ ...valid, text: "## Hijack\nnew section" }, /heading/],
      [{ ...valid, text: "Ask jane.roe@corp-mail.com for access." }, /privacy lint/],
      [{ ...valid, rationale: "" }, /rationale/],
    ];
    for (const [args, message] of cases) {
      const answer = await session.call("propose_update", args);
      expect(answer.isError, JSON.stringify(args).slice(0, 80)).toBe(true);
      expect(answer.text).toMatch(message);
    }
    expect(existsSync(join(repo, "proposals"))).toBe(false);
    expect(readFileSync(join(bundle, conceptPath))).toEqual(approvedBefore);
  });

  it("writes a reviewable proposal outside the bundle and leaves the concept byte-identical", async () => {
    const answer = await session.call("propose_update", {
      id: "sales.crm.customer_account",
      section: "business meaning",
      text: proposedText,
      rationale: "Confirmed with the sales operations team.",
    });
    expect(answer.isError, answer.text).toBe(false);
    const file = answer.structured?.file as string;
    expect(file).toMatch(/^proposals\/\d{4}-\d{2}-\d{2}-sales-crm-customer_account\.md$/);
    expect(answer.structured).toMatchObject({ section: "Business Meaning", branch: null });
    expect(answer.text).toContain(`written to ${file}`);
    const proposal = readFileSync(join(repo, file), "utf8");
    expect(proposal).toContain(proposedText);
    expect(proposal).toContain("author: agent:okf-test-client");
    expect(readFileSync(join(bundle, conceptPath))).toEqual(approvedBefore);
    expect(gitOutput(repo, env, "status", "--porcelain")).toBe("?? proposals/");

    // The steward applies it: the text lands in the section, the rest of the file stays.
    const id = answer.structured?.id as string;
    const applied = await runCli(
      ["proposals", "apply", id, "--by", "alice", "--bundle", "knowledge"],
      repo,
      env,
    );
    expect(applied.code, applied.stderr).toBe(0);
    const after = readFileSync(join(bundle, conceptPath), "utf8");
    expect(after).toContain(`## Business Meaning\n${proposedText}\n`);
    expect(after).toContain("\napproval_status: approved\n");
    expect(after).not.toContain("_Owner to write: what one row represents");
    const before = approvedBefore.toString();
    expect(after.split("## Business Meaning")[0]).toBe(before.split("## Business Meaning")[0]);
    expect(after.split("## Agent Usage Guidance")[1]).toBe(
      before.split("## Agent Usage Guidance")[1],
    );
  });
});

describe("okf serve --mcp --proposals-branch", () => {
  it("commits the proposal on the branch and leaves the working tree alone", async () => {
    const { repo, bundle, env } = await demoRepository();
    const session = await startOkfServer(
      ["serve", "--mcp", "--bundle", "knowledge", "--proposals-branch", "okf/proposals"],
      { cwd: repo, env },
    );
    try {
      const answer = await session.call("propose_update", {
        id: "crm/postgres/sales/customer_account",
        section: "Caveats",
        text: "Accounts merged in the CRM keep both ids until the nightly sync.",
        rationale: "Seen twice while reconciling invoices.",
      });
      expect(answer.isError, answer.text).toBe(false);
      expect(answer.structured).toMatchObject({ branch: "okf/proposals" });
      const commit = answer.structured?.commit as string;
      expect(gitOutput(repo, env, "rev-parse", "okf/proposals")).toBe(commit);
      const file = answer.structured?.file as string;
      expect(gitOutput(repo, env, "show", `okf/proposals:${file}`)).toContain(
        "Accounts merged in the CRM keep both ids",
      );
      expect(gitOutput(repo, env, "status", "--porcelain")).toBe("");
      expect(gitOutput(repo, env, "branch", "--show-current")).toBe("main");
      expect(readdirSync(repo).sort()).toEqual([".git", "knowledge"]);
      expect(readFileSync(join(bundle, conceptPath), "utf8")).not.toContain("keep both ids");
    } finally {
      await session.close();
    }
  });
});
