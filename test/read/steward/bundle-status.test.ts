import { describe, expect, it } from "vitest";
import { bundleStatus } from "../../../src/read/steward/bundle-status.js";
import {
  checkCoverage,
  formatPercent,
  parseRatio,
} from "../../../src/read/steward/coverage-gate.js";
import { formatStatus } from "../../../src/read/steward/format-status.js";
import { conceptText, writeBundle } from "./steward-fixture.js";

const now = new Date("2026-12-01T12:00:00Z");
const due = (date: string) => [`next_review_due: "${date}"`];

async function statusOf(files: Record<string, string>, dueWithinDays?: number) {
  const dir = await writeBundle(files);
  return bundleStatus({ cwd: dir, bundle: ".", now, dueWithinDays });
}

const bundle = {
  "index.md": '---\nokf_version: "0.2"\n---\n',
  "log.md": "# Knowledge Update Log\n",
  "crm/index.md": "# crm\n",
  "crm/db/a.md": conceptText({
    id: "s.crm.a",
    approval: "approved",
    extra: due("2026-11-20T00:00:00Z"),
  }),
  "crm/db/b.md": conceptText({
    id: "s.crm.b",
    approval: "approved",
    extra: due("2026-12-10T00:00:00Z"),
  }),
  "crm/db/c.md": conceptText({
    id: "s.crm.c",
    approval: "approved",
    extra: due("2027-03-01T00:00:00Z"),
  }),
  "crm/db/d.md": conceptText({
    id: "s.crm.d",
    approval: "needs_review",
    sensitive: [
      ["email", ""],
      ["phone", ""],
      ["name", "rejected"],
    ],
  }),
  "crm/db/e.md": conceptText({ id: "s.crm.e", sensitive: [["email", ""]] }),
  "crm/db/gone.md": conceptText({
    id: "s.crm.gone",
    approval: "deprecated",
    sensitive: [["email", ""]],
    extra: due("2020-01-01T00:00:00Z"),
  }),
  "orders/events.md": conceptText({
    id: "c.orders.events",
    approval: "approved",
    extra: ['next_review_due: "soon"'],
  }),
  "orders/broken.md": "---\ntitle: [x\n---\n# broken\n",
  "orders/odd.md": conceptText({ approval: "in_progress" }),
  "loose.md": conceptText({ id: "loose", extra: ['stale_after: "2026-12-05"'] }),
};

describe("okf status", () => {
  it("counts files per source and in total, by approval status, with review dates and pending decisions", async () => {
    const status = await statusOf(bundle);
    expect(status.bundle).toBe(".");
    expect(status.asOf).toBe("2026-12-01T12:00:00Z");
    expect(status.sources.map((source) => source.source)).toEqual(["(root)", "crm", "orders"]);
    const crm = status.sources[1];
    expect(crm).toEqual({
      source: "crm",
      concepts: 6,
      approval: { draft: 1, approved: 3, needs_review: 1, deprecated: 1, other: 0 },
      overdue: 1,
      dueSoon: 1,
      pendingDecisions: { files: 2, rows: 3 },
      approvedRatio: 3 / 5,
      ratioDefined: true,
    });
    expect(status.sources[2]).toMatchObject({
      concepts: 3,
      approval: { approved: 1, other: 2 },
      overdue: 1,
      approvedRatio: 1 / 3,
    });
    expect(status.total).toMatchObject({
      concepts: 10,
      approval: { draft: 2, approved: 4, needs_review: 1, deprecated: 1, other: 2 },
      overdue: 2,
      dueSoon: 2,
      pendingDecisions: { files: 2, rows: 3 },
      approvedRatio: 4 / 9,
    });
    expect(status.overdue).toEqual([
      { path: "orders/events.md", id: "c.orders.events", title: "account", due: null },
      { path: "crm/db/a.md", id: "s.crm.a", title: "account", due: "2026-11-20" },
    ]);
    expect(status.dueSoon.map((entry) => [entry.path, entry.due])).toEqual([
      ["loose.md", "2026-12-05"],
      ["crm/db/b.md", "2026-12-10"],
    ]);
    expect(status.needsReview.map((entry) => entry.path)).toEqual(["crm/db/d.md"]);
    expect(status.pendingDecisions.map((entry) => [entry.path, entry.rows])).toEqual([
      ["crm/db/d.md", 2],
      ["crm/db/e.md", 1],
    ]);
    expect(status.unreadable).toEqual([
      {
        path: "orders/broken.md",
        problem: expect.stringMatching(/^its frontmatter is not valid YAML/) as string,
      },
    ]);
  });

  it("widens 'due soon' with --due-within", async () => {
    const status = await statusOf(bundle, 120);
    expect(status.dueSoon.map((entry) => entry.path)).toEqual([
      "loose.md",
      "crm/db/b.md",
      "crm/db/c.md",
    ]);
  });

  it("prints an aligned table and the lists of what needs doing", async () => {
    const text = formatStatus(await statusOf(bundle));
    expect(text).toContain(
      [
        "source  files  approved  draft  needs review  deprecated  other  overdue  due ≤14d  pending decisions  approved %",
        "(root)      1         0      1             0           0      0        0         1                  0          0%",
        "crm         6         3      1             1           1      0        1         1       3 in 2 files         60%",
        "orders      3         1      0             0           0      2        1         0                  0       33.3%",
        "total      10         4      2             1           1      2        2         2       3 in 2 files       44.4%",
      ].join("\n"),
    );
    expect(text).toContain(
      "Overdue for review: 2\n  orders/events.md  no valid review date\n  crm/db/a.md       was due 2026-11-20\n",
    );
    expect(text).toContain(
      "Due within 14 days: 2\n  loose.md     due 2026-12-05\n  crm/db/b.md  due 2026-12-10\n",
    );
    expect(text).toContain("Needs review (facts changed since approval): 1\n  crm/db/d.md\n");
    expect(text).toContain(
      "Pending sensitive-field decisions: 3 rows in 2 files\n  crm/db/d.md  2 rows\n",
    );
    expect(text).toContain(
      "Unreadable (okf validate shows where): 1\n  orders/broken.md  its frontmatter is not valid YAML",
    );
  });

  it("reports an empty bundle as 0% approved and says so", async () => {
    const status = await statusOf({
      "index.md": '---\nokf_version: "0.2"\n---\n',
      "log.md": "# Log\n",
    });
    expect(status.total).toMatchObject({ concepts: 0, approvedRatio: 0, ratioDefined: false });
    expect(formatStatus(status)).toContain(
      "No concept files in the bundle yet: the approved share counts as 0%.",
    );
    expect(checkCoverage(status.total, 0.5)).toEqual({
      minApproved: 0.5,
      passed: false,
      message:
        "approved coverage 0% (the bundle has no non-deprecated concept files, counted as 0) is below the required 50%",
    });
    expect(checkCoverage(status.total, 0).passed).toBe(true);
  });

  it("lists at most twenty entries per section in text", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 25; i++)
      files[`s/f${String(i).padStart(2, "0")}.md`] = conceptText({ approval: "needs_review" });
    const text = formatStatus(await statusOf(files));
    expect(text).toContain("  s/f19.md\n  … and 5 more (okf status --json lists them all)\n");
    expect(text).not.toContain("s/f20.md");
  });
});

describe("the --min-approved coverage gate", () => {
  it("accepts 0.8 and 80%, and nothing ambiguous", () => {
    expect(parseRatio("0.8")).toBe(0.8);
    expect(parseRatio("80%")).toBe(0.8);
    expect(parseRatio("12.5%")).toBe(0.125);
    expect(parseRatio("1")).toBe(1);
    expect(parseRatio(".5")).toBe(0.5);
    for (const bad of ["80", "1.5", "-0.1", "abc", "", "120%", "0.8.1"])
      expect(parseRatio(bad), bad).toBeUndefined();
  });

  it("compares counts, so 4 of 5 meets 80%, and explains a miss in one line", async () => {
    const five: Record<string, string> = {};
    for (let i = 0; i < 5; i++)
      five[`s/f${i}.md`] = conceptText({ approval: i < 4 ? "approved" : "draft" });
    five["s/gone.md"] = conceptText({ approval: "deprecated" });
    const { total } = await statusOf(five);
    expect(checkCoverage(total, 0.8)).toEqual({
      minApproved: 0.8,
      passed: true,
      message: "approved coverage 80% (4 of 5 non-deprecated files) meets the required 80%",
    });
    const miss = checkCoverage(total, parseRatio("81%") ?? 1);
    expect(miss.passed).toBe(false);
    expect(miss.message).toBe(
      "approved coverage 80% (4 of 5 non-deprecated files) is below the required 81%",
    );
    expect(miss.message).not.toContain("\n");
  });

  it("rounds shown percentages down, so a miss never reads as a pass", () => {
    expect(formatPercent(0.79996)).toBe("79.9%");
    expect(formatPercent(2 / 3)).toBe("66.6%");
    expect(formatPercent(1)).toBe("100%");
  });
});
