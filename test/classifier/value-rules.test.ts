import { describe, expect, it } from "vitest";
import { generateValues } from "../../bench/corpus-generators.js";
import { classifyField } from "../../src/classifier/classify-dataset.js";
import { assessName } from "../../src/classifier/name-assessment.js";
import { facts, repeat } from "./build-dataset.js";

const emails = generateValues("email", 100, "value-rules");
const phones = generateValues("phone", 50, "value-rules");

function found(path: string, type: string, values: string[], dataset = "customer") {
  return classifyField(facts(path, type, values, dataset)).map(({ category, confidence }) => ({
    category,
    confidence,
  }));
}

describe("name and values together", () => {
  it("agreeing name and values give high confidence with both pieces of evidence", () => {
    const [finding] = classifyField(facts("email", "text", emails));
    expect(finding).toEqual({
      path: "email",
      category: "pii.email",
      confidence: "high",
      evidence: ['name matches "email"', "100 of 100 sampled values are email addresses"],
    });
  });

  it("values that contradict the name drop the finding and say so", () => {
    const labels = repeat(["mobile", "landline", "voip"], 1000);
    expect(found("phone", "text", labels)).toEqual([]);
    expect(assessName(facts("phone", "text", labels)).notes).toEqual([
      "0 of 1000 sampled values look like phone numbers (3 distinct): the name is not borne out (pii.phone)",
    ]);
    expect(found("email", "text", repeat(["yes", "no"], 100))).toEqual([]);
  });

  it("too few values to contradict the name leave it at low confidence", () => {
    expect(found("email", "text", ["n/a", "unknown"])).toEqual([
      { category: "pii.email", confidence: "low" },
    ]);
  });

  it("a partial match lowers confidence instead of dropping the finding", () => {
    const half = [...emails.slice(0, 50), ...repeat(["none"], 50)];
    expect(found("email", "text", half)).toEqual([{ category: "pii.email", confidence: "medium" }]);
    const few = [...emails.slice(0, 10), ...repeat(["none"], 90)];
    expect(found("email", "text", few)).toEqual([{ category: "pii.email", confidence: "low" }]);
  });

  it("empty strings are not sampled values", () => {
    const [finding] = classifyField(facts("email", "text", [...emails.slice(0, 3), "", " "]));
    expect(finding?.evidence[1]).toBe("3 of 3 sampled values are email addresses");
  });

  it("phone names accept national formats the strict detector leaves to names", () => {
    expect(found("phone", "text", repeat(["0711 2842222", "030 1234567"], 20))).toEqual([
      { category: "pii.phone", confidence: "high" },
    ]);
    expect(found("notes", "text", repeat(["0711 2842222", "030 1234567"], 20))).toEqual([]);
  });

  it("a password column holding hashes is reported as password hashes", () => {
    const hashes = generateValues("bcrypt", 20, "value-rules");
    expect(found("password", "text", hashes)).toEqual([
      { category: "secret.password_hash", confidence: "high" },
    ]);
    expect(found("password", "text", ["hunter22", "letmein1"])).toEqual([
      { category: "secret.password", confidence: "medium" },
    ]);
  });

  it("a declared date type vouches for a date of birth however dates are rendered", () => {
    const rendered = repeat(["Sun Feb 18 1962", "Mon Dec 08 1958"], 10);
    const [finding] = classifyField(facts("birth_date", "date", rendered));
    expect(finding?.confidence).toBe("high");
    expect(finding?.evidence).toEqual([
      'name matches "birth_date"',
      "declared type date holds dates",
    ]);
    expect(found("birth_date", "text", repeat(["unknown", "n/a"], 10))).toEqual([]);
  });

  it("names and addresses whose values do not look like them drop to low confidence", () => {
    expect(found("first_name", "text", generateValues("uuid", 20, "v"))).toEqual([
      { category: "pii.person_name", confidence: "low" },
    ]);
    expect(found("first_name", "text", generateValues("first_name", 20, "v"))).toEqual([
      { category: "pii.person_name", confidence: "high" },
    ]);
  });
});

describe("addresses that are not postal", () => {
  it("IPv6 and MAC addresses under an address name are not street addresses", () => {
    const networkValues = repeat(
      ["2001:db8::1", "2001:db8:0:1::7", "2001:db8::ff00:42:8329", "00:1a:2b:3c:4d:5e"],
      20,
    );
    const [postal] = classifyField(facts("address", "text", networkValues));
    expect(postal?.category).toBe("pii.postal_address");
    expect(postal?.confidence).toBe("low");
    expect(postal?.evidence[1]).toBe(
      "0 of 20 sampled values look like street addresses (words and a number)",
    );
    expect(found("address", "text", repeat(["12 Rue de Rivoli", "4 Elm Street"], 10))).toEqual([
      { category: "pii.postal_address", confidence: "high" },
    ]);
  });
});

describe("values alone", () => {
  it.each([
    ["contact", "email", "pii.email"],
    ["reach_me_at", "phone", "pii.phone"],
    ["payment_ref", "card", "pii.card"],
    ["payout_account", "iban", "pii.iban"],
    ["last_seen_from", "ipv4", "pii.ip_address"],
    ["tax_reference", "ssn", "pii.national_id"],
    ["hashed_pw_v2", "bcrypt", "secret.password_hash"],
    ["auth", "jwt", "secret.token"],
    ["credentials", "aws_key_id", "secret.token"],
  ])("a field %s holding %s values is %s", (path, kind, category) => {
    const values = generateValues(kind, 50, path);
    const [finding] = classifyField(facts(path, "text", values));
    expect(finding?.category).toBe(category);
    expect(finding?.confidence).toBe("high");
    expect(finding?.evidence).toHaveLength(1);
    expect(finding?.evidence[0]).toMatch(/^50 of 50 sampled values /);
  });

  it("confidence follows the share of matching values", () => {
    const mixed = [...emails.slice(0, 30), ...phones.slice(0, 30)];
    expect(found("contact", "text", mixed)).toEqual([
      { category: "pii.email", confidence: "medium" },
      { category: "pii.phone", confidence: "medium" },
    ]);
    const rare = [...emails.slice(0, 12), ...repeat(["see ticket"], 88)];
    expect(found("contact", "text", rare)).toEqual([{ category: "pii.email", confidence: "low" }]);
    expect(found("contact", "text", emails.slice(0, 5))).toEqual([
      { category: "pii.email", confidence: "medium" },
    ]);
  });

  it("ids, digests and bare 9-digit numbers are not secrets or SSNs", () => {
    expect(found("request_id", "text", generateValues("uuid", 50, "x"))).toEqual([]);
    expect(found("checksum", "text", generateValues("sha256", 50, "x"))).toEqual([]);
    expect(found("tier_and_details.*.id", "string", generateValues("sha256", 50, "x"))).toEqual([]);
    expect(found("reference", "text", repeat(["123456789", "234567890"], 25))).toEqual([]);
    expect(found("avatar_data", "text", generateValues("secret40", 50, "x"))).toEqual([]);
  });

  it("a key the name reported is not also reported as a token", () => {
    const keys = generateValues("secret40", 50, "x");
    expect(found("client_secret", "text", keys)).toEqual([
      { category: "secret.api_key", confidence: "high" },
    ]);
  });

  it("a boolean or timestamp column is never scanned for values", () => {
    expect(found("contact", "boolean", emails)).toEqual([]);
    expect(found("contact", "timestamp with time zone", emails)).toEqual([]);
  });
});
