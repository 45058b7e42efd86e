import { describe, expect, it } from "vitest";
import { concept, places, validate } from "./fixture-bundle.js";

describe("concept frontmatter", () => {
  it("accepts a concept with only `type`, and unknown keys", async () => {
    const report = await validate({
      "a.md": concept(["type: Playbook"]),
      "b.md": concept(['team_slack: "#data"', "custom: { nested: [1, 2] }", "x-anything: yes"]),
    });
    expect(report.findings).toEqual([]);
    expect(report.files).toBe(2);
  });

  it("reports a missing frontmatter, an unclosed one, and a missing or empty type", async () => {
    const report = await validate({
      "none.md": "# just text\n",
      "unclosed.md": "---\ntype: Table\n# body\n",
      "notype.md": concept(["type: Table"]).replace("type: Table", "title: Hello"),
      "empty.md": concept(['type: ""']),
      "blank.md": concept(["type:"]),
      "number.md": concept(["title: x", "type: 12"]),
    });
    expect(places(report)).toEqual([
      "blank.md:2 okf/frontmatter-type",
      "empty.md:2 okf/frontmatter-type",
      "none.md:1 okf/frontmatter",
      "notype.md:2 okf/frontmatter-type",
      "number.md:3 okf/frontmatter-type",
      "unclosed.md:1 okf/frontmatter",
    ]);
    expect(report.findings.every((finding) => finding.severity === "error")).toBe(true);
    expect(report.errorCount).toBe(6);
    const number = report.findings.find((finding) => finding.file === "number.md");
    expect(number?.message).toContain("must be a string, not 12");
  });

  it("reports the file line of a YAML error", async () => {
    const report = await validate({
      "broken.md": "---\ntype: Table\ntitle: a: b\n---\n# broken\n",
      "dup.md": "---\ntype: Table\ndomain: x\ndomain: y\n---\n",
      "list.md": "---\n- a\n- b\n---\n",
    });
    expect(places(report)).toEqual([
      "broken.md:3 okf/frontmatter-yaml",
      "dup.md:4 okf/frontmatter-yaml",
      "list.md:2 okf/frontmatter-yaml",
    ]);
  });

  it("handles CRLF line endings and a byte order mark", async () => {
    const report = await validate({
      "crlf.md": "\uFEFF---\r\ntype: Table\r\nstatus: nope\r\n---\r\n# x\r\n",
    });
    expect(places(report)).toEqual(["crlf.md:3 okf/status"]);
  });
});

describe("index.md", () => {
  it('accepts a root index with only okf_version "0.2" and indexes without frontmatter', async () => {
    const report = await validate({
      "index.md": '---\nokf_version: "0.2"\n---\n# Bundle\n\n* [crm](crm/index.md) - CRM\n',
      "crm/index.md": "# crm\n",
    });
    expect(report.findings).toEqual([]);
  });

  it("rejects frontmatter in a folder index and extra keys or a wrong version at the root", async () => {
    const report = await validate({
      "index.md": "---\nokf_version: 0.2\ntitle: Root\n---\n# Bundle\n",
      "crm/index.md": "---\ntype: Index\n---\n# crm\n",
      "sub/index.md": '---\nokf_version: "0.2"\n---\n',
      "other/index.md": "---\nbroken: [\n---\n",
    });
    expect(places(report)).toEqual([
      "crm/index.md:1 okf/index-frontmatter",
      "index.md:2 okf/okf-version",
      "index.md:3 okf/index-frontmatter",
      "other/index.md:1 okf/index-frontmatter",
      "sub/index.md:1 okf/index-frontmatter",
    ]);
    const version = report.findings.find((finding) => finding.rule === "okf/okf-version");
    expect(version?.message).toContain('the string "0.2"');
  });

  it("rejects another okf_version and a broken root frontmatter", async () => {
    const wrong = await validate({ "index.md": '---\nokf_version: "0.1"\n---\n' });
    expect(places(wrong)).toEqual(["index.md:2 okf/okf-version"]);
    const broken = await validate({ "index.md": "---\nokf_version: [\n---\n" });
    expect(places(broken)).toEqual(["index.md:3 okf/frontmatter-yaml"]);
  });
});

describe("log.md", () => {
  it("accepts date headings newest first, ignoring headings in code blocks", async () => {
    const report = await validate({
      "log.md": [
        "# Knowledge Update Log",
        "",
        "## 2026-11-27",
        "- crm/sales/customer_account: + column region",
        "",
        "```",
        "## not a date, but inside a code block",
        "```",
        "## 2026-02-28",
        "- created",
        "",
      ].join("\n"),
    });
    expect(report.findings).toEqual([]);
  });

  it("reports malformed and impossible dates, wrong order, repeats and frontmatter", async () => {
    const report = await validate({
      "crm/log.md": [
        "---",
        "type: Log",
        "---",
        "# Log",
        "## 2026-11-27",
        "## 27 Nov 2026",
        "## 2026-02-30",
        "## 2026-12-01",
        "## 2026-11-01",
        "## 2026-11-01",
        "",
      ].join("\n"),
    });
    expect(places(report)).toEqual([
      "crm/log.md:1 okf/log-frontmatter",
      "crm/log.md:6 okf/log-heading",
      "crm/log.md:7 okf/log-heading",
      "crm/log.md:8 okf/log-order",
      "crm/log.md:10 okf/log-order",
    ]);
    const [, format, calendar] = report.findings;
    expect(format?.message).toContain("not a date in YYYY-MM-DD form");
    expect(calendar?.message).toContain("not a real calendar date");
  });
});

describe("OKF v0.2 keys", () => {
  const valid = [
    "status: stable",
    "generated:",
    "  by: okf/0.1.0",
    '  at: "2026-11-27T02:00:14Z"',
    "verified:",
    "  - by: human:maria.lopez",
    "    at: '2026-11-20T09:12:00+01:00'",
    'stale_after: "2027-02-18T09:12:00.5-05:00"',
    "sources:",
    "  - id: catalog",
    "    resource: postgresql://host:5432/crm",
    "    usage_count: 12",
    '    last_modified: "2026-11-01T00:00:00Z"',
    '    usage_window: { from: "2026-10-01T00:00:00Z", to: "2026-11-01T00:00:00Z" }',
    'usage_window: { from: "2026-10-01T00:00:00Z", to: "2026-11-01T00:00:00Z" }',
  ];

  it("accepts the shapes the spec defines, including a bare verified mapping", async () => {
    const report = await validate({
      "a.md": concept(valid),
      "b.md": concept(['verified: { by: process:nightly, at: "2026-11-20T09:12:00Z" }']),
    });
    expect(report.findings).toEqual([]);
  });

  it("reports each malformed key on its line", async () => {
    const report = await validate({
      "bad.md": concept([
        "status: approved", // 3
        "generated:", // 4
        "  at: 2026-11-27T02:00:14Z", // 5: no by, unquoted
        "verified:", // 6
        "  - by: human:x", // 7: no at
        '  - { by: human:y, at: "2026-11-27" }', // 8: date only
        "  - just a string", // 9
        'stale_after: "2026-11-27T02:00:14"', // 10: no offset
        "sources:", // 11
        "  - id: catalog", // 12: no resource
        "    usage_count: many", // 13
        "  - resource: x", // 14
        "    last_modified: 2026-11-01T00:00:00Z", // 15: unquoted
        "usage_window: { from: x }", // 16
      ]),
    });
    expect(places(report)).toEqual([
      "bad.md:3 okf/status",
      "bad.md:5 okf/generated",
      "bad.md:5 okf/generated",
      "bad.md:7 okf/verified",
      "bad.md:8 okf/verified",
      "bad.md:9 okf/verified",
      "bad.md:10 okf/stale-after",
      "bad.md:12 okf/sources",
      "bad.md:13 okf/sources",
      "bad.md:15 okf/sources",
      "bad.md:16 okf/sources",
    ]);
    const messages = report.findings.map((finding) => finding.message);
    expect(messages).toContain(
      "`generated.at` is not quoted; OKF v0.2 timestamps are quoted strings",
    );
    expect(messages).toContain("`generated.by` must name an actor");
    expect(messages).toContain("`verified[0]` has no `at`");
    expect(messages.some((text) => text.startsWith('`stale_after` is "2026-11-27T02:00:14"'))).toBe(
      true,
    );
  });

  it("rejects structures where scalars or lists belong", async () => {
    const report = await validate({
      "a.md": concept(["status:", "generated: okf", "sources: catalog", "stale_after: 2027"]),
      "b.md": concept(['stale_after: "2026-02-30T00:00:00Z"', "verified: [1]"]),
    });
    expect(places(report)).toEqual([
      "a.md:3 okf/status",
      "a.md:4 okf/generated",
      "a.md:5 okf/sources",
      "a.md:6 okf/stale-after",
      "b.md:3 okf/stale-after",
      "b.md:4 okf/verified",
    ]);
  });
});
