import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BundleLockedError, ConfigError, UsageError } from "../../../src/errors.js";
import { humanActor } from "../../../src/read/steward/actor.js";
import { approveConcepts } from "../../../src/read/steward/approve.js";
import { conceptText, readBundleText, writeBundle } from "./steward-fixture.js";

const now = new Date("2026-11-28T09:12:34.567Z");
const account = "crm/crm_prod/sales/account.md";
const contact = "crm/crm_prod/sales/contact.md";
const events = "orders/order_events.md";

async function project(files: Record<string, string> = {}, config?: string) {
  const dir = await writeBundle({
    "knowledge/log.md":
      "# Knowledge Update Log\n\n## 2026-11-27\n\n- Created [account](crm/crm_prod/sales/account.md)\n",
    [`knowledge/${account}`]: conceptText({
      id: "sales.crm.account",
      owner: "revenue-operations",
      extra: ["# reviewed quarterly with finance", 'team_channel: "#crm-data"'],
    }),
    [`knowledge/${contact}`]: conceptText({
      id: "sales.crm.contact",
      title: "contact",
      sensitive: [
        ["work_email", "confirmed"],
        ["personal_email", ""],
      ],
      placeholders: true,
    }),
    [`knowledge/${events}`]: conceptText({
      id: "commerce.orders.order_events",
      owner: "orders-team",
    }),
    ...files,
  });
  if (config !== undefined) writeFileSync(join(dir, "okf.config.yaml"), config);
  const bundle = join(dir, "knowledge");
  return { dir, bundle, read: (path: string) => readBundleText(bundle, path) };
}

const approve = (
  dir: string,
  concepts: string[],
  extra: Partial<Parameters<typeof approveConcepts>[0]> = {},
) => approveConcepts({ cwd: dir, bundle: "knowledge", concepts, by: "alice", now, ...extra });

describe("okf approve", () => {
  it("records the review in the frontmatter, keeping order, comments, unknown keys and the body", async () => {
    const { dir, read } = await project();
    const before = read(account);
    const result = await approve(dir, ["sales.crm.account"]);
    expect(result.refused).toEqual([]);
    expect(result).toMatchObject({
      bundle: "knowledge",
      actor: "human:alice",
      approvedAt: "2026-11-28T09:12:34Z",
      nextReviewDue: "2027-02-26T09:12:34Z",
      reviewIntervalDays: 90,
      logUpdated: true,
    });
    expect(result.approved).toEqual([
      {
        path: account,
        id: "sales.crm.account",
        title: "account",
        previousStatus: "draft",
        forcedPast: [],
      },
    ]);
    const after = read(account);
    expect(after).toBe(
      before
        .replace(
          "approval_status: draft\nstatus: draft\n",
          'approval_status: approved\nlast_reviewed_at: "2026-11-28T09:12:34Z"\nnext_review_due: "2027-02-26T09:12:34Z"\nstatus: stable\n',
        )
        // After the closest key of docs/knowledge-files.md#frontmatter that precedes them; a person's keys keep their place.
        .replace(
          '  at: "2026-11-27T02:00:00Z"\n',
          '  at: "2026-11-27T02:00:00Z"\nverified:\n  - by: human:alice\n    at: "2026-11-28T09:12:34Z"\nstale_after: "2027-02-26T09:12:34Z"\n',
        ),
    );
    expect(read("log.md")).toBe(
      "# Knowledge Update Log\n\n## 2026-11-28\n\n- Approved [account](crm/crm_prod/sales/account.md): by human:alice; next review 2027-02-26\n\n## 2026-11-27\n\n- Created [account](crm/crm_prod/sales/account.md)\n",
    );
  });

  it("re-approval refreshes the dates and appends to verified, keeping earlier entries", async () => {
    const { dir, read } = await project();
    await approve(dir, ["sales.crm.account"], { by: "human:maria.lopez" });
    const later = new Date("2027-02-20T08:00:00Z");
    const again = await approve(dir, [account], { by: "bob", now: later, nextReviewDays: 30 });
    expect(again.approved[0]?.previousStatus).toBe("approved");
    const after = read(account);
    expect(after).toContain(
      'verified:\n  - by: human:maria.lopez\n    at: "2026-11-28T09:12:34Z"\n  - by: human:bob\n    at: "2027-02-20T08:00:00Z"\nstale_after: "2027-03-22T08:00:00Z"\n',
    );
    expect(after).toContain(
      'last_reviewed_at: "2027-02-20T08:00:00Z"\nnext_review_due: "2027-03-22T08:00:00Z"\n',
    );
    expect(after.match(/^approval_status:/gm)).toHaveLength(1);
    expect(read("log.md")).toMatch(
      /^## 2027-02-20\n\n- Approved \[account\]\(crm\/crm_prod\/sales\/account\.md\): by human:bob; next review 2027-03-22\n\n## 2026-11-28\n\n- Approved \[account\][^\n]*by human:maria\.lopez/m,
    );
  });

  it("takes the review interval from --next-review, else the config's default, else 90 days", async () => {
    const withConfig = await project(
      {},
      "bundle: knowledge\ndefaults:\n  review_interval_days: 30\nsources: []\n",
    );
    const fromConfig = await approveConcepts({
      cwd: withConfig.dir,
      concepts: [account],
      by: "alice",
      now,
    });
    expect(fromConfig.reviewIntervalDays).toBe(30);
    expect(withConfig.read(account)).toContain('next_review_due: "2026-12-28T09:12:34Z"');
    const flag = await approveConcepts({
      cwd: withConfig.dir,
      concepts: [account],
      by: "alice",
      now,
      nextReviewDays: 7,
    });
    expect(flag.nextReviewDue).toBe("2026-12-05T09:12:34Z");
    const bad = await project({}, "bundle: knowledge\ndefaults:\n  review_interval_days: soon\n");
    await expect(
      approveConcepts({ cwd: bad.dir, concepts: [account], by: "alice", now }),
    ).rejects.toThrow(ConfigError);
    await expect(approve(bad.dir, [account], { config: "missing.yaml" })).rejects.toThrow(
      ConfigError,
    );
  });

  it("refuses files with pending decisions, placeholders or no owner, and writes nothing at all", async () => {
    const { dir, bundle, read } = await project();
    const texts = () => [account, contact, events, "log.md"].map(read);
    const before = texts();
    const result = await approve(dir, ["sales.crm.account", "sales.crm.contact"]);
    expect(result.approved).toEqual([]);
    expect(result.logUpdated).toBe(false);
    expect(result.refused).toEqual([
      {
        path: contact,
        id: "sales.crm.contact",
        reasons: [
          "1 sensitive-field decision pending (personal_email)",
          "1 `_Owner to write` placeholder left (line 22)",
          "no `owner` in the frontmatter",
        ],
        forceable: true,
      },
    ]);
    expect(read(contact).split("\n")[21]).toBe("_Owner to write: what one row represents._");
    expect(texts()).toEqual(before);
    expect(readdirSync(join(bundle, ".okf"))).toEqual([]);
  });

  it("--force approves such files and says so in log.md, but never a deprecated one", async () => {
    const { dir, read } = await project({
      "knowledge/old.md": conceptText({ id: "old", owner: "x", approval: "deprecated" }),
    });
    const forced = await approve(dir, ["sales.crm.contact"], { force: true });
    expect(forced.approved[0]?.forcedPast).toEqual([
      "1 pending sensitive-field decision",
      "1 owner placeholder",
      "no owner",
    ]);
    expect(read(contact)).toContain("approval_status: approved\n");
    expect(read("log.md")).toContain(
      "- Approved [contact](crm/crm_prod/sales/contact.md): by human:alice; next review 2027-02-26; approved with --force despite 1 pending sensitive-field decision, 1 owner placeholder, no owner\n",
    );
    const before = read(events);
    const refused = await approve(dir, ["old", events], { force: true });
    expect(refused.refused).toEqual([
      {
        path: "old.md",
        id: "old",
        reasons: [
          "it is deprecated, and a deprecated file cannot be approved (to lift the deprecation, set `approval_status: needs_review` first)",
        ],
        forceable: false,
      },
    ]);
    expect(read(events)).toBe(before);
    expect(read("old.md")).toContain("approval_status: deprecated");
  });

  it("refuses files it cannot edit safely: broken YAML, broken markers, a verified key that is not a list", async () => {
    const good = conceptText({ id: "x", owner: "o" });
    const { dir, read } = await project({
      "knowledge/yaml.md": good.replace("title: account", "title: [account"),
      "knowledge/markers.md": good.replace("<!-- okf:end summary -->", ""),
      "knowledge/verified.md": good.replace("kind: table", "kind: table\nverified: yes"),
    });
    const result = await approve(dir, ["yaml", "markers", "verified"], { force: true });
    expect(result.refused.map((refused) => [refused.path, refused.forceable])).toEqual([
      ["yaml.md", false],
      ["markers.md", false],
      ["verified.md", false],
    ]);
    expect(result.refused[0]?.reasons[0]).toMatch(
      /^its frontmatter is not valid YAML \(line \d+: /,
    );
    expect(result.refused[1]?.reasons[0]).toMatch(/summary/);
    expect(result.refused[2]?.reasons).toEqual([
      "its `verified` key is neither a list of `{by, at}` entries nor empty",
    ]);
    expect(read("verified.md")).toContain("verified: yes");
  });

  it("turns a single verified entry into a list and keeps it", async () => {
    const { dir, read } = await project({
      "knowledge/single.md": conceptText({
        id: "single",
        owner: "o",
        extra: ["verified:", "  by: human:carol", '  at: "2026-01-01T00:00:00Z"'],
      }),
    });
    await approve(dir, ["single"]);
    expect(read("single.md")).toContain(
      'verified:\n  - by: human:carol\n    at: "2026-01-01T00:00:00Z"\n  - by: human:alice\n    at: "2026-11-28T09:12:34Z"\n',
    );
  });

  it("holds the bundle lock while writing and leaves no lock or temporary file behind", async () => {
    const { dir, bundle, read } = await project();
    await mkdir(join(bundle, ".okf"), { recursive: true });
    const lock = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
    await writeFile(join(bundle, ".okf", "lock"), JSON.stringify(lock));
    const before = read(account);
    await expect(approve(dir, [account])).rejects.toThrow(BundleLockedError);
    expect(read(account)).toBe(before);
    await writeFile(join(bundle, ".okf", "lock"), "");
    await expect(approve(dir, [account])).rejects.toThrow(BundleLockedError);
    const { rm } = await import("node:fs/promises");
    await rm(join(bundle, ".okf", "lock"));
    await approve(dir, [account]);
    expect(existsSync(join(bundle, ".okf", "lock"))).toBe(false);
    expect(readdirSync(join(bundle, "crm/crm_prod/sales"))).toEqual(["account.md", "contact.md"]);
  });

  it("rejects unknown concepts before writing anything", async () => {
    const { dir, read } = await project();
    const before = read(account);
    await expect(approve(dir, [account, "sales.crm.acount"])).rejects.toThrow(UsageError);
    expect(read(account)).toBe(before);
  });
});

describe("humanActor", () => {
  it("prefixes human: once and refuses what is not a person's id", () => {
    expect(humanActor("alice")).toBe("human:alice");
    expect(humanActor(" human:maria.lopez ")).toBe("human:maria.lopez");
    for (const bad of [
      "",
      "   ",
      "human:",
      "maria lopez",
      "agent:bot",
      "alice@example.com",
      "a\nb",
    ]) {
      expect(() => humanActor(bad), bad).toThrow(UsageError);
    }
  });
});
