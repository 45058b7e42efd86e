import { describe, expect, it } from "vitest";
import { concept, places, validate } from "./fixture-bundle.js";

const approved = ["approval_status: approved", "owner: revenue-ops", "steward: data-platform"];

describe("governance rules", () => {
  it("is quiet on a well-governed file", async () => {
    const report = await validate({
      "a.md": concept(
        [
          ...approved,
          "classification: confidential",
          "pii: true",
          "agent_usage: allowed_with_masking",
          'next_review_due: "2027-03-01T00:00:00Z"',
        ],
        "# a\n\n## Business Meaning\nOne row per account.\n",
      ),
    });
    expect(report.findings).toEqual([]);
  });

  it("wants owner and steward on approved files, and no owner placeholders left", async () => {
    const body =
      "# a\n\n## Business Meaning\n_Owner to write: what one row is._\n\n## Caveats\n_Owner to write._\n";
    const report = await validate({
      "approved.md": concept(["approval_status: approved", "owner: ''"], body),
      "draft.md": concept(["approval_status: draft"], body),
    });
    expect(places(report)).toEqual([
      "approved.md:3 governance/approved-owner",
      "approved.md:9 governance/owner-placeholder",
      "approved.md:12 governance/owner-placeholder",
    ]);
    expect(report.findings[0]?.message).toBe(
      "the file is approved but has no `owner` or `steward`",
    );
    expect(report.findings.every((finding) => finding.severity === "warning")).toBe(true);
  });

  it("wants pii files classified confidential or restricted, with agent_usage", async () => {
    const report = await validate({
      "internal.md": concept(["classification: internal", "pii: true"]),
      "unclassified.md": concept(["pii: true", "agent_usage: allowed"]),
      "restricted.md": concept([
        "classification: restricted",
        "pii: true",
        "agent_usage: prohibited",
      ]),
      "not-pii.md": concept(["classification: public", "pii: false"]),
    });
    expect(places(report)).toEqual([
      "internal.md:3 governance/pii-classification",
      "internal.md:4 governance/pii-agent-usage",
      "unclassified.md:3 governance/pii-classification",
    ]);
  });

  it("reports reviews that are due, from next_review_due or else stale_after", async () => {
    const report = await validate({
      "due.md": concept(['next_review_due: "2026-11-30T23:59:59Z"']),
      "due-day.md": concept(["next_review_due: 2026-11-01"]),
      "future.md": concept([
        'next_review_due: "2026-12-01T00:00:01Z"',
        'stale_after: "2026-01-01T00:00:00Z"',
      ]),
      "stale.md": concept(['stale_after: "2026-12-01T00:00:00Z"']),
      "garbled.md": concept(["next_review_due: soon"]),
      "gone.md": concept([
        "approval_status: deprecated",
        'next_review_due: "2026-01-01T00:00:00Z"',
      ]),
    });
    expect(places(report)).toEqual([
      "due-day.md:3 governance/review-overdue",
      "due.md:3 governance/review-overdue",
      "garbled.md:3 governance/review-overdue",
      "stale.md:3 governance/review-overdue",
    ]);
    expect(report.findings[1]?.message).toBe(
      "the review was due on 2026-11-30 (`next_review_due`)",
    );
  });

  it("uses options.now for review dates", async () => {
    const files = { "a.md": concept(['next_review_due: "2026-11-30T00:00:00Z"']) };
    expect((await validate(files, { now: new Date("2026-11-29T00:00:00Z") })).findings).toEqual([]);
    expect(places(await validate(files))).toEqual(["a.md:3 governance/review-overdue"]);
  });

  it("reports sensitive-field rows without a decision", async () => {
    const body = [
      "# a", // 4
      "<!-- okf:begin sensitive -->", // 5
      "## Sensitive Fields", // 6
      "| Field | Category | Confidence | Evidence | Decision |", // 7
      "|---|---|---|---|---|", // 8
      "| owner_email | pii.email | high | name matches email | confirmed |", // 9
      "| `phone` | pii.phone | high | 96 of 100 \\| sampled |  |", // 10
      "| account_name | pii.organisation | low | free text | rejected |", // 11
      "| notes | pii.free_text | medium | free text |", // 12: the cell is missing
      "<!-- okf:end sensitive -->", // 13
      "", // 14
      "## Other", // 15
      "| Field | Decision |", // 16
      "|---|---|", // 17
      "| x | |", // 18: not the Sensitive Fields table
      "",
    ].join("\n");
    const report = await validate({
      "a.md": `---\ntype: Table\n---\n${body}`,
      "gone.md": `---\ntype: Table\nstatus: deprecated\n---\n${body}`,
    });
    expect(places(report)).toEqual([
      "a.md:10 governance/pending-decision",
      "a.md:12 governance/pending-decision",
    ]);
    expect(report.findings[0]?.message).toBe('sensitive field "phone" (pii.phone) has no decision');
  });

  it("turns governance warnings into errors with strict, and leaves conformance errors alone", async () => {
    const files = {
      "a.md": concept(["approval_status: approved", "status: nope"]),
    };
    const lenient = await validate(files);
    const strict = await validate(files, { strict: true });
    expect(places(lenient)).toEqual(places(strict));
    expect([lenient.errorCount, lenient.warningCount]).toEqual([1, 1]);
    expect([strict.errorCount, strict.warningCount]).toEqual([2, 0]);
    expect(strict.findings.map((finding) => finding.severity)).toEqual(["error", "error"]);
  });
});
