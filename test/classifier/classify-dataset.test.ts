import { describe, expect, it } from "vitest";
import { generateValues } from "../../bench/corpus-generators.js";
import { classifyDataset } from "../../src/classifier/classify-dataset.js";
import { buildDataset, repeat, type FieldSpec } from "./build-dataset.js";

const fields: FieldSpec[] = [
  { path: "zeta_email", type: "text", values: generateValues("email", 40, "c") },
  {
    path: "contact",
    type: "text",
    values: [...generateValues("email", 20, "d"), ...generateValues("phone", 20, "d")],
  },
  { path: "account_id", type: "bigint", values: repeat(["1", "2", "3"], 40) },
  { path: "segment", type: "text", values: repeat(["smb", "enterprise"], 40) },
  { path: "address.street", type: "text", values: generateValues("street", 40, "c") },
  { path: "address.city", type: "text", values: repeat(["Oslo", "Lyon"], 40) },
  { path: "address", type: "jsonb" },
];

describe("classifyDataset", () => {
  it("sorts findings by path, then category", () => {
    const { dataset, samples } = buildDataset("customer", fields);
    const result = classifyDataset(dataset, samples, {});
    expect(result.findings.map((finding) => `${finding.path} ${finding.category}`)).toEqual([
      "address pii.postal_address",
      "address.street pii.postal_address",
      "contact pii.email",
      "contact pii.phone",
      "zeta_email pii.email",
    ]);
  });

  it("is deterministic: the same input in any field order gives identical output", () => {
    const { dataset, samples } = buildDataset("customer", fields);
    const first = classifyDataset(dataset, samples, {});
    const again = classifyDataset(dataset, samples, {});
    const reversed = buildDataset("customer", [...fields].reverse());
    const other = classifyDataset(reversed.dataset, reversed.samples, {});
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
    expect(other.findings).toEqual(first.findings);
    expect(other.suggestedClassification).toBe(first.suggestedClassification);
  });

  it("removes values, min and max of sensitive fields and of the fields inside them", () => {
    const { dataset, samples } = buildDataset("customer", fields);
    const result = classifyDataset(dataset, samples, {});
    const profile = (path: string) => result.profile?.fields.find((field) => field.path === path);
    for (const path of ["zeta_email", "contact", "address.street", "address.city", "address"]) {
      expect(profile(path)?.values, path).toBeUndefined();
      expect(profile(path)?.min, path).toBeUndefined();
      expect(profile(path)?.max, path).toBeUndefined();
    }
    expect(profile("segment")?.values).toEqual(["enterprise", "smb"]);
    expect(profile("account_id")?.min).toBe("1");
    expect(profile("zeta_email")?.distinct).toBe(40);
    // The input is not changed: the profile stage's object stays as it was.
    expect(dataset.profile?.fields[0]?.values).toBeDefined();
  });

  it("suggests restricted for secrets, cards, IBANs and national ids, confidential for other pii, internal otherwise", () => {
    const suggest = (specs: FieldSpec[]) => {
      const { dataset, samples } = buildDataset("customer", specs);
      return classifyDataset(dataset, samples, {}).suggestedClassification;
    };
    expect(suggest([{ path: "segment", type: "text" }])).toBe("internal");
    expect(suggest([{ path: "email", type: "text" }])).toBe("confidential");
    expect(
      suggest([
        { path: "email", type: "text" },
        { path: "ssn", type: "text" },
      ]),
    ).toBe("restricted");
    expect(suggest([{ path: "iban", type: "text" }])).toBe("restricted");
    expect(suggest([{ path: "card_number", type: "text" }])).toBe("restricted");
    expect(suggest([{ path: "api_key", type: "text" }])).toBe("restricted");
    expect(suggest([{ path: "password_hash", type: "text" }])).toBe("restricted");
  });

  it("classifies paths the sample knows even when the catalog does not list them", () => {
    const { dataset } = buildDataset("tickets", [{ path: "subject", type: "text" }], {
      database: "support",
    });
    const samples = new Map([["requester.email", generateValues("email", 10, "n")]]);
    const result = classifyDataset(dataset, samples, {});
    expect(
      result.findings.map((finding) => [finding.path, finding.category, finding.confidence]),
    ).toEqual([["requester.email", "pii.email", "high"]]);
  });

  it("keeps every other dataset property as it was", () => {
    const { dataset, samples } = buildDataset("customer", fields);
    const result = classifyDataset(dataset, samples, {});
    expect({
      ...result,
      findings: [],
      profile: undefined,
      suggestedClassification: undefined,
    }).toEqual({
      ...dataset,
      profile: undefined,
      suggestedClassification: undefined,
    });
  });
});
