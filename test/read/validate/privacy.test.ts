import { readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateBundle } from "../../../src/read/validate/index.js";
import { createExtractFixture, type ExtractFixture } from "../../helpers/extract-fixture.js";
import { plantedAccessKey, plantedCard, plantedEmail } from "../../helpers/planted-values.js";
import { chinookPostgresScript } from "../../helpers/chinook.js";
import { repoRoot } from "../../helpers/postgres-database.js";
import { runCli } from "../../helpers/run-cli.js";
import { concept, places, validate, writeBundle } from "./fixture-bundle.js";

// Assembled at run time so that secret scanners leave this file alone; it grants nothing.
const awsKeyId = ["AKIA", "IOSFODNN7EXAMPLE"].join("");

const plantedBody = [
  "# customer", // 7
  "", // 8
  "Escalations go to jane.doe@acme-mail.com.", // 9
  "| phone | text | e.g. +44 20 7946 0958 |", // 10
  "Test card: `4111 1111 1111 1111`", // 11
  "Refunds to DE89 3704 0044 0532 0130 00.", // 12
  "ssn sample 123-45-6789", // 13
  `aws_access_key_id = ${awsKeyId}`, // 14
].join("\n");

const plantedBundle = {
  "index.md":
    '---\nokf_version: "0.2"\n---\n# Bundle\n\n* [customer](crm/customer.md) - accounts\n',
  "log.md":
    "# Knowledge Update Log\n\n## 2026-11-27\n- created crm/customer (asked by (555) 123-4567)\n",
  "crm/index.md": "# crm\n\n* [customer](customer.md) - accounts\n",
  "crm/customer.md": concept(
    ["title: customer", "owner: j.smith@acme-mail.com", "tags: [pii]"],
    plantedBody,
  ),
};

describe("privacy/literal", () => {
  it("reports every planted literal as an error with its file and line", async () => {
    const report = await validate(plantedBundle);
    expect(places(report, "privacy/")).toEqual([
      "crm/customer.md:4 privacy/literal",
      "crm/customer.md:9 privacy/literal",
      "crm/customer.md:10 privacy/literal",
      "crm/customer.md:11 privacy/literal",
      "crm/customer.md:12 privacy/literal",
      "crm/customer.md:13 privacy/literal",
      "crm/customer.md:14 privacy/literal",
      "log.md:4 privacy/literal",
    ]);
    const privacy = report.findings.filter((finding) => finding.rule === "privacy/literal");
    expect(privacy.every((finding) => finding.severity === "error")).toBe(true);
    expect(privacy.map((finding) => finding.message)).toEqual([
      "the frontmatter contains what looks like an email address: j***@acme-mail.com",
      "the text contains what looks like an email address: j***@acme-mail.com",
      "the text contains what looks like a phone number: *** *** **58",
      "the text contains what looks like a payment card number (Luhn-valid): **** 1111",
      "the text contains what looks like an IBAN: DE** **** 3000",
      "the text contains what looks like a US Social Security number: ***-**-**89",
      "the text contains what looks like a secret (API key, token, private key or password hash): AKIA… (20 characters)",
      "the text contains what looks like a phone number: *** *** **67",
    ]);
    expect(privacy[0]?.hint).toContain("Remove the value");
    expect(privacy[0]?.hint).toContain("pattern: `");
  });

  it("never prints a planted value, in the report or through the CLI", async () => {
    const bundle = await writeBundle(plantedBundle);
    const run = await runCli(["validate", bundle], repoRoot);
    const json = await runCli(["validate", bundle, "--json"], repoRoot);
    expect(run.code).toBe(1); // errors without --strict
    expect(json.code).toBe(1);
    expect(run.stdout + run.stderr).toContain("crm/customer.md:9  error  privacy/literal");
    for (const value of [
      "jane.doe@acme-mail.com",
      "j.smith@acme-mail.com",
      "7946 0958",
      "4111 1111 1111 1111",
      "0532 0130",
      "123-45-6789",
      awsKeyId,
      "123-4567",
    ]) {
      expect(run.stdout + run.stderr + json.stdout, value).not.toContain(value);
    }
  });

  it("exempts synthetic values in code spans marked as patterns, and nothing else", async () => {
    const body = [
      "# customer", // 4
      "Card numbers look like pattern: `4111 1111 1111 1111` (Luhn-valid).", // 5
      "Phones: pattern:`+1 (555) 123-4567`, pattern: ``a `x` j***@acme-mail.com``", // 6
      "But `4111 1111 1111 1111` alone is reported.", // 7
      "pattern: 4111 1111 1111 1111 without a code span is reported.", // 8
      "A pattern: `[a-z]+` here does not exempt `5555 5555 5555 4444` there.", // 9
    ].join("\n");
    const report = await validate({ "crm/a.md": concept([], body) });
    expect(places(report, "privacy/")).toEqual([
      "crm/a.md:7 privacy/literal",
      "crm/a.md:8 privacy/literal",
      "crm/a.md:9 privacy/literal",
    ]);
  });

  it("reports a real-looking value inside a pattern code span", async () => {
    const card = plantedCard();
    const body = [
      "# customer", // 4
      `Refunds go to pattern: \`${plantedEmail()}\`.`, // 5
      `Card on file: pattern: \`${card}\``, // 6
      `Key pattern: \`${plantedAccessKey()}\`, phone pattern: \`+1 (780) 428-9482\``, // 7
    ].join("\n");
    const report = await validate({ "crm/a.md": concept([], body) });
    expect(places(report, "privacy/")).toEqual([
      "crm/a.md:5 privacy/literal",
      "crm/a.md:6 privacy/literal",
      "crm/a.md:7 privacy/literal",
      "crm/a.md:7 privacy/literal",
    ]);
  });

  it("decodes character references and escapes before looking", async () => {
    const [user, domain] = plantedEmail().split("@");
    const card = plantedCard();
    const digits = card.replace(/\d/g, (digit) => `&#${String(digit.charCodeAt(0))};`);
    const body = [
      "# customer", // 4
      `Write to ${user ?? ""}&#64;${domain ?? ""}.`, // 5
      `Or ${user ?? ""}&commat;${domain ?? ""}, or ${user ?? ""}&#x40;${domain ?? ""}`, // 6
      `Or ${user ?? ""}\\@${domain ?? ""}&period;`, // 7
      `Card ${digits}`, // 8
      `Card ${card.slice(0, 4)}&nbsp;${card.slice(4, 8)}&nbsp;${card.slice(8, 12)}&nbsp;${card.slice(12)}`, // 9
      "Fine: a &amp; b, &#8212; and &copy; 2026.", // 10
    ].join("\n");
    const report = await validate({ "crm/a.md": concept([], body) });
    expect(places(report, "privacy/")).toEqual([
      "crm/a.md:5 privacy/literal",
      "crm/a.md:6 privacy/literal",
      "crm/a.md:6 privacy/literal",
      "crm/a.md:7 privacy/literal",
      "crm/a.md:8 privacy/literal",
      "crm/a.md:9 privacy/literal",
    ]);
    const messages = report.findings.map((finding) => finding.message);
    expect(messages[0]).toBe(
      "the text contains what looks like an email address: m***@acme-mail.io",
    );
    expect(messages[4]).toContain(`**** ${card.slice(-4)}`);
  });

  it("scans every file of the bundle, ignored or not, markdown or not", async () => {
    const bundle = {
      ".okfignore": "drafts/\nscratch.md\n",
      "crm/a.md": concept([], "# a\n"),
      "drafts/b.md": `# draft\n\nCall ${plantedEmail()}\n`,
      "scratch.md": `no frontmatter, key ${plantedAccessKey()}\n`,
      "notes/export.csv": `id,contact\n1,${plantedEmail("x.y")}\n`,
      "README.md": `# About\n\nCard ${plantedCard()}\n`,
    };
    const report = await validate(bundle);
    expect(places(report, "privacy/")).toEqual([
      "README.md:3 privacy/literal",
      "drafts/b.md:3 privacy/literal",
      "notes/export.csv:2 privacy/literal",
      "scratch.md:1 privacy/literal",
    ]);
    // Ignored files are exempt from conformance: only the privacy lint looks at them.
    const others = report.findings.filter((finding) => !finding.rule.startsWith("privacy/"));
    expect(others.map((finding) => finding.file)).not.toContain("drafts/b.md");
    expect(others.map((finding) => finding.file)).not.toContain("notes/export.csv");
  });

  it("treats addresses at documentation domains as illustrations", async () => {
    const body =
      "# a\n[mail](mailto:someone@example.com), ops@sub.example.org, x@host.test, y@acme.io\n";
    const report = await validate({ "crm/a.md": concept([], body) });
    expect(report.findings.map((finding) => finding.message)).toEqual([
      "the text contains what looks like an email address: y***@acme.io",
    ]);
  });

  it("passes on the committed example bundle", async () => {
    const report = await validateBundle(join(repoRoot, "knowledge"));
    expect(report.files).toBeGreaterThan(5);
    expect(places(report, "privacy/")).toEqual([]);
  });
});

describe("privacy/literal on a bundle generated from Chinook", () => {
  let fixture: ExtractFixture;

  beforeAll(async () => {
    fixture = await createExtractFixture("okf_privacy", chinookPostgresScript());
    await fixture.extract();
  }, 120_000);

  afterAll(async () => {
    await fixture.db.drop();
  });

  it("finds nothing in the generated files", async () => {
    const report = await validateBundle(fixture.bundle);
    expect(report.files).toBeGreaterThan(10);
    expect(places(report, "privacy/")).toEqual([]);
  });

  it("fails once a customer's real email and phone number are pasted into a concept", async () => {
    const [row] = await fixture.db.admin<{ email: string; phone: string }>(
      "SELECT email, phone FROM customer WHERE phone IS NOT NULL ORDER BY customer_id LIMIT 1",
    );
    const conceptPath = markdownFiles(fixture.bundle).find((path) => path.endsWith("/customer.md"));
    if (!row || !conceptPath) throw new Error("Chinook's customer table or its concept is missing");
    const text = fixture.read(conceptPath);
    writeFileSync(
      join(fixture.bundle, conceptPath),
      `${text}\nReach the first customer at ${row.email} or ${row.phone}.\n`,
    );
    const line = text.split("\n").length + 1;
    const report = await validateBundle(fixture.bundle);
    expect(places(report, "privacy/")).toEqual([
      `${conceptPath}:${String(line)} privacy/literal`,
      `${conceptPath}:${String(line)} privacy/literal`,
    ]);
    expect(report.errorCount).toBeGreaterThanOrEqual(2);
  });
});

function markdownFiles(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith(".") ? [] : markdownFiles(path, root);
    return entry.name.endsWith(".md") ? [relative(root, path).split("\\").join("/")] : [];
  });
}
