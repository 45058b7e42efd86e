/**
 * Text kept in binary columns (MySQL VARBINARY and BLOB, as MediaWiki keeps names, emails and
 * addresses): the profiler reads bytes that are UTF-8 text as samples, and the classifier checks
 * them like any text; bytes that are not text say so. Every value is synthetic and built here.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateValues } from "../../bench/corpus-generators.js";
import { classifyField } from "../../src/classifier/classify-dataset.js";
import { fieldFacts } from "../../src/classifier/field-facts.js";
import { assessName } from "../../src/classifier/name-assessment.js";
import { FieldAccumulator } from "../../src/profiler/field-accumulator.js";

/** What the profiler keeps of a binary column's values, with the samplers' 64-byte cut. */
function profiled(path: string, values: readonly Uint8Array[]) {
  const accumulator = new FieldAccumulator(path);
  for (const value of values) {
    accumulator.add(value.subarray(0, 64));
    accumulator.endRecord();
  }
  return { profile: accumulator.toProfile(values.length), sample: accumulator.samples };
}

function binaryFacts(path: string, type: string, values: readonly Uint8Array[], dataset = "user") {
  const { profile, sample } = profiled(path, values);
  return fieldFacts({
    path,
    datasetName: dataset,
    field: { name: path, path, position: 1, type },
    profile,
    sample,
  });
}

const utf8 = (text: string): Uint8Array => Buffer.from(text, "utf8");
const names = generateValues("full_name", 40, "text-as-bytes").map(utf8);
const emails = generateValues("email", 40, "text-as-bytes").map(utf8);
const digests = names.map((name) => createHash("sha256").update(name).digest());

describe("the profiler reads text stored as bytes", () => {
  it("keeps UTF-8 bytes as samples, and drops a character the 64-byte cut split", () => {
    const long = utf8(`${"a".repeat(63)}é`);
    const { sample } = profiled("title", [utf8("Zoë Ångström"), long]);
    expect(sample).toEqual(["Zoë Ångström", "a".repeat(63)]);
  });

  it("gives no sample for bytes that are not text: digests, images, control characters, blanks", () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const { profile, sample } = profiled("blob", [
      ...digests.slice(0, 5),
      png,
      utf8("abc\u0001def"),
      utf8("   "),
    ]);
    expect(sample).toEqual([]);
    expect(profile.types).toEqual({ binary: 8 });
  });
});

describe("the classifier on text stored as bytes", () => {
  it("finds names and emails in VARBINARY as it does in VARCHAR", () => {
    const name = classifyField(binaryFacts("user_real_name", "varbinary(255)", names));
    expect(name.map(({ category, confidence }) => ({ category, confidence }))).toEqual([
      { category: "pii.person_name", confidence: "high" },
    ]);
    const [email] = classifyField(binaryFacts("user_email", "tinyblob", emails));
    expect(email).toMatchObject({ category: "pii.email", confidence: "high" });
    expect(email?.evidence).toContain("40 of 40 sampled values are email addresses");
  });

  it("keeps the name at low confidence when nothing was sampled, and says why", () => {
    const [finding] = classifyField(binaryFacts("user_real_name", "varbinary(255)", []));
    expect(finding).toEqual({
      path: "user_real_name",
      category: "pii.person_name",
      confidence: "low",
      evidence: [
        'name matches "real_name"',
        "declared type varbinary(255) may hold text as bytes; no sampled values to check",
      ],
    });
  });

  it("does not take digests under a text name for text, and notes that they are bytes", () => {
    const facts = binaryFacts("user_email", "binary(32)", digests);
    expect(classifyField(facts)).toEqual([]);
    expect(assessName(facts).notes).toContain(
      "declared type binary(32): 40 sampled values are bytes, not text (pii.email)",
    );
  });

  it("a password kept as raw bytes stays a password, with the bytes counted", () => {
    const [finding] = classifyField(binaryFacts("user_password", "tinyblob", digests));
    expect(finding).toMatchObject({ category: "secret.password", confidence: "medium" });
    expect(finding?.evidence).toContain("40 sampled values are bytes, none of them text to check");
  });

  it("a column mostly of bytes with a little text in it is not text", () => {
    const mixed = [...digests.slice(0, 30), ...emails.slice(0, 10)];
    expect(classifyField(binaryFacts("contact_email", "varbinary(64)", mixed))).toEqual([]);
  });
});
