import { describe, expect, it } from "vitest";
import { findSensitiveLiterals, maskLiteral, type LiteralKind } from "../../src/detectors/index.js";
import { hardNegatives } from "./hard-negatives.js";

/** `kind: literal` of every finding, in text order. */
function found(text: string, kinds?: LiteralKind[]): string[] {
  return findSensitiveLiterals(text, kinds).map(
    ({ kind, index, length }) => `${kind}: ${text.slice(index, index + length)}`,
  );
}

const awsKeyId = ["AKIA", "IOSFODNN7EXAMPLE"].join("");

describe("findSensitiveLiterals", () => {
  it("finds each kind of literal in prose and reports where it is", () => {
    const text = [
      "Contact j.doe@acme-mail.com or +1 (780) 428-9482 (cell: (555) 123-4567).",
      "Card 4111-1111-1111-1111, IBAN GB82 WEST 1234 5698 7654 32, SSN 123-45-6789.",
      `Key ${awsKeyId}, server 8.8.8.8, hash $2b$12$UREFwsRUoyF0CRqGNK0LzO0HM/jLhgUCNNIJ9RJAqMUQ74crlJ1Vu.`,
    ].join("\n");
    expect(found(text)).toEqual([
      "email: j.doe@acme-mail.com",
      "phone: +1 (780) 428-9482",
      "phone: (555) 123-4567",
      "card: 4111-1111-1111-1111",
      "iban: GB82 WEST 1234 5698 7654 32",
      "ssn: 123-45-6789",
      `secret: ${awsKeyId}`,
      "ip_address: 8.8.8.8",
      "secret: $2b$12$UREFwsRUoyF0CRqGNK0LzO0HM/jLhgUCNNIJ9RJAqMUQ74crlJ1Vu",
    ]);
    const [first] = findSensitiveLiterals(text);
    expect(first).toEqual({ kind: "email", index: 8, length: "j.doe@acme-mail.com".length });
  });

  it("finds literals in markdown tables, YAML values and code spans", () => {
    const text = [
      "owner: jane@acme-mail.com",
      '  phone: "+44 20 7946 0958"',
      "| `card` | 5555 5555 5555 4444 |",
      "| iban | `DE89370400440532013000` |",
    ].join("\n");
    expect(found(text)).toEqual([
      "email: jane@acme-mail.com",
      "phone: +44 20 7946 0958",
      "card: 5555 5555 5555 4444",
      "iban: DE89370400440532013000",
    ]);
  });

  it("reports an overlapping candidate once, as its most specific kind", () => {
    // The IBAN's digits also form a Luhn-checkable run; the card detector must not see them.
    expect(found("IBAN DE89 3704 0044 0532 0130 00 end")).toEqual([
      "iban: DE89 3704 0044 0532 0130 00",
    ]);
    // Trailing figures after a card number do not hide it.
    expect(found("card 4111 1111 1111 1111 2026")).toEqual(["card: 4111 1111 1111 1111"]);
  });

  it("ignores numbers that are part of a larger token", () => {
    for (const text of [
      "id-4111111111111111",
      "4111111111111111-x",
      "uuid 550e8400-e29b-41d4-a716-411111111111",
      "arn:aws:iam::411111111111:role/reader",
      "v123-45-6789",
      "host 10.0.0.1:5432",
      "version 1.2.3.4.5",
    ]) {
      expect(found(text), text).toEqual([]);
    }
  });

  it("takes a bare 12-digit run for an epoch or an id, a grouped one for a card", () => {
    // 501234567896 and 5012 3456 7896 are Luhn-valid with a Maestro prefix.
    expect(found("birthdate 501234567896 ms")).toEqual([]);
    expect(found("card 5012 3456 7896")).toEqual(["card: 5012 3456 7896"]);
  });

  it("reports no loopback, private or link-local address", () => {
    expect(
      found("postgresql://127.0.0.1:5432/db 10.1.2.3 192.168.0.1 ::1 fe80::1 8.8.4.4"),
    ).toEqual(["ip_address: 8.8.4.4"]);
  });

  it("narrows the search to the kinds asked for", () => {
    const text = "a@acme-mail.com 8.8.8.8 4111 1111 1111 1111";
    expect(found(text, ["card"])).toEqual(["card: 4111 1111 1111 1111"]);
    expect(found(text, ["email", "card"])).toEqual([
      "email: a@acme-mail.com",
      "card: 4111 1111 1111 1111",
    ]);
  });

  it("finds nothing in the hard negatives, alone or in a generated-looking document", () => {
    for (const value of hardNegatives) expect(found(value), value).toEqual([]);
    const document = [
      "---",
      "type: PostgreSQL Table",
      "resource: postgresql://127.0.0.1:5432/chinook/public/customer",
      'generated: { at: "2026-11-27T02:00:00Z" }',
      "---",
      "| Column | Type | Profile |",
      "|---|---|---|",
      "| invoice_id | integer | distinct ≈ 410; 1 – 1234567890123 |",
      "| total | numeric(10,2) | 0.99 – 25.86 |",
      "| billing_country | varchar(40) | USA, Canada, France |",
      "PostgreSQL table in chinook.public, about 1.2K rows, 410 MB.",
      "See [Users](Users-6b0cc9.md) and commit da39a3ee5e6b4b0d3255bfef95601890afd80709.",
      "Retention P30D; sampled 2026-11-27 02:00 with TABLESAMPLE SYSTEM (1%), n = 10,000.",
      ...hardNegatives,
    ].join("\n");
    expect(found(document)).toEqual([]);
  });
});

describe("maskLiteral", () => {
  it("keeps enough to find the literal again, never the value", () => {
    expect(maskLiteral("email", "john.doe@example.com")).toBe("j***@example.com");
    expect(maskLiteral("card", "4111-1111-1111-1111")).toBe("**** 1111");
    expect(maskLiteral("iban", "DE89 3704 0044 0532 0130 00")).toBe("DE** **** 3000");
    expect(maskLiteral("ssn", "123-45-6789")).toBe("***-**-**89");
    expect(maskLiteral("phone", "+1 (780) 428-9482")).toBe("*** *** **82");
    expect(maskLiteral("ip_address", "8.8.4.4")).toBe("***.***.***.4");
    expect(maskLiteral("secret", awsKeyId)).toBe("AKIA… (20 characters)");
  });
});
