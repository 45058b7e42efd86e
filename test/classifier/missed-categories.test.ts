import { describe, expect, it } from "vitest";
import { generateValues } from "../../bench/corpus-generators.js";
import { classifyField } from "../../src/classifier/classify-dataset.js";
import { fieldFacts, type FieldFacts } from "../../src/classifier/field-facts.js";
import type { FieldProfile } from "../../src/model/index.js";
import { facts, repeat } from "./build-dataset.js";

function found(f: FieldFacts): { category: string; confidence: string }[] {
  return classifyField(f).map(({ category, confidence }) => ({ category, confidence }));
}

/** Facts of a binary field whose sampled values the profiler counted as `shapes`. */
function blob(path: string, dataset: string, sampled: number, shapes: Record<string, number>) {
  const profile: FieldProfile = {
    path,
    sampled,
    present: sampled,
    nulls: 0,
    distinct: sampled,
    types: sampled > 0 ? { binary: sampled } : {},
    shapes,
  };
  return fieldFacts({
    path,
    datasetName: dataset,
    field: { name: path, path, position: 1, type: "bytea" },
    profile,
  });
}

describe("photographs of people (pii.photo)", () => {
  it("a photo blob of PNG bytes in a table of people is high, with the image count", () => {
    const [finding] = classifyField(blob("photo", "employees", 12, { png_image: 12 }));
    expect(finding).toEqual({
      path: "photo",
      category: "pii.photo",
      confidence: "high",
      evidence: [
        'name matches "photo"',
        'dataset "employees" holds people',
        "12 of 12 sampled values start like an image file (PNG)",
      ],
    });
  });

  it("images under a name that says nothing are medium; a person's word in the name is enough", () => {
    expect(found(blob("data", "staff", 8, { jpeg_image: 8 }))).toEqual([
      { category: "pii.photo", confidence: "medium" },
    ]);
    expect(found(blob("employee_picture", "documents", 5, { webp_image: 5 }))).toEqual([
      { category: "pii.photo", confidence: "high" },
    ]);
    expect(found(blob("avatar", "uploads", 3, { gif_image: 3 }))).toEqual([
      { category: "pii.photo", confidence: "high" },
    ]);
  });

  it("pictures of things are not personal data", () => {
    expect(found(blob("picture", "categories", 8, { png_image: 8 }))).toEqual([]);
    expect(found(blob("large_photo", "product_photo", 8, { jpeg_image: 8 }))).toEqual([]);
  });

  it("the name alone is medium; a blob that does not start like an image is low", () => {
    expect(found(blob("picture", "staff", 0, {}))).toEqual([
      { category: "pii.photo", confidence: "medium" },
    ]);
    expect(found(blob("photo", "employees", 9, {}))).toEqual([
      { category: "pii.photo", confidence: "low" },
    ]);
    expect(found(blob("payload", "users", 9, {}))).toEqual([]);
  });

  it("base64 images in a document's text field count as images; file names do not", () => {
    const png = `iVBORw0KGgo${"A".repeat(40)}`;
    expect(found(facts("profile.photo", "string", repeat([png], 10), "users"))).toEqual([
      { category: "pii.photo", confidence: "high" },
    ]);
    expect(found(facts("photo", "text", repeat(["photos/1.jpg"], 10), "users"))).toEqual([]);
  });
});

describe("login names (pii.username)", () => {
  const handles = generateValues("handle", 50, "missed-categories");

  it("username values that look like logins are high", () => {
    expect(found(facts("username", "text", handles, "app_user"))).toEqual([
      { category: "pii.username", confidence: "high" },
    ]);
  });

  it("a login column of timestamps or flags is not a login name", () => {
    const times = generateValues("timestamp", 20, "missed-categories");
    expect(found(facts("login", "text", times, "app_user"))).toEqual([]);
    expect(found(facts("login", "boolean", [], "app_user"))).toEqual([]);
    expect(found(facts("last_login", "text", [], "app_user"))).toEqual([]);
    expect(found(facts("login", "text", repeat(["yes", "no"], 20), "app_user"))).toEqual([]);
  });
});

describe("password hashes by value", () => {
  const sha256 = generateValues("sha256", 30, "missed-categories");
  const sha1 = generateValues("sha1", 30, "missed-categories");
  const bcrypt = generateValues("bcrypt", 4, "missed-categories");

  it("hex digests under a password name are password hashes at high confidence", () => {
    expect(found(facts("password_hash", "text", sha256))).toEqual([
      { category: "secret.password_hash", confidence: "high" },
    ]);
    expect(found(facts("password", "char(40)", sha1))).toEqual([
      { category: "secret.password_hash", confidence: "high" },
    ]);
  });

  it("a name that says which digest (password_sha256, pwdMD5) is a password hash name", () => {
    expect(found(facts("password_sha256", "text", sha256))).toEqual([
      { category: "secret.password_hash", confidence: "high" },
    ]);
    expect(found(facts("pwdMD5", "text", []))).toEqual([
      { category: "secret.password_hash", confidence: "medium" },
    ]);
  });

  it("bare hex digests under another name are not password hashes", () => {
    expect(found(facts("commit", "text", sha1))).toEqual([]);
  });

  it("a few bcrypt hashes under any name are high: the format says what they are", () => {
    expect(found(facts("credential", "text", bcrypt))).toEqual([
      { category: "secret.password_hash", confidence: "high" },
    ]);
  });
});

describe("personal names in role columns", () => {
  const names = generateValues("full_name", 30, "missed-categories");

  it("manager, contact and account_manager holding names are personal names", () => {
    for (const path of ["manager", "contact", "account_manager"]) {
      expect(found(facts(path, "text", names, "projects")), path).toEqual([
        { category: "pii.person_name", confidence: "high" },
      ]);
    }
    expect(found(facts("person", "text", names, "projects"))).toEqual([
      { category: "pii.person_name", confidence: "high" },
    ]);
  });

  it("names sorted last name first are names too", () => {
    const sorted = names.map((name) => name.split(" ").reverse().join(", "));
    expect(found(facts("manager", "text", sorted, "projects"))).toEqual([
      { category: "pii.person_name", confidence: "high" },
    ]);
  });

  it("a manager key is not a name: an integer type, an id name, or values that are not names", () => {
    expect(found(facts("manager", "integer", ["7", "12"], "employees"))).toEqual([]);
    expect(found(facts("manager_id", "text", ["7", "12"], "employees"))).toEqual([]);
    const codes = repeat(["ops", "sales", "it"], 30);
    expect(found(facts("manager", "text", codes, "teams"))).toEqual([]);
  });

  it("a contact column of emails is an email column, not a name", () => {
    const emails = generateValues("email", 30, "missed-categories");
    expect(found(facts("contact", "text", emails, "vendors"))).toEqual([
      { category: "pii.email", confidence: "high" },
    ]);
  });
});

describe("personal data inside free text", () => {
  const emails = generateValues("email", 10, "missed-categories");
  const phones = generateValues("phone", 10, "missed-categories");
  const prose = (index: number): string => `Customer asked about invoice ${String(index)}`;

  it("notes that mention emails and phone numbers are findings with counts", () => {
    const notes = Array.from({ length: 40 }, (_, index) => {
      if (index < 5) return `Asked to be reached at ${emails[index] ?? ""} after 5pm`;
      if (index < 7) return `Call back on ${phones[index] ?? ""} tomorrow`;
      return prose(index);
    });
    const findings = classifyField(facts("notes", "text", notes, "tickets"));
    expect(findings).toEqual([
      {
        path: "notes",
        category: "pii.email",
        confidence: "medium",
        evidence: ["5 of 40 sampled values contain an email address within longer text"],
      },
      {
        path: "notes",
        category: "pii.phone",
        confidence: "low",
        evidence: ["2 of 40 sampled values contain a phone number within longer text"],
      },
    ]);
  });

  it("prose without personal data is not reported", () => {
    const notes = Array.from({ length: 40 }, (_, index) => prose(index));
    expect(found(facts("description", "text", notes, "tickets"))).toEqual([]);
  });
});

describe("IP address types", () => {
  it("an inet column is IP addresses whatever its name, and its values carry the mask", () => {
    const values = repeat(["192.0.2.7/32", "198.51.100.20/32"], 10);
    const [finding] = classifyField(facts("connected_from", "inet", values, "sessions"));
    expect(finding).toEqual({
      path: "connected_from",
      category: "pii.ip_address",
      confidence: "high",
      evidence: ["declared type inet holds IP addresses"],
    });
    expect(found(facts("client_ip", "inet", values, "sessions"))).toEqual([
      { category: "pii.ip_address", confidence: "high" },
    ]);
  });

  it("cidr networks are medium; MariaDB inet6 is an address type too", () => {
    expect(found(facts("allowed_range", "cidr", [], "accounts"))).toEqual([
      { category: "pii.ip_address", confidence: "medium" },
    ]);
    expect(found(facts("seen_from", "inet6", [], "accounts"))).toEqual([
      { category: "pii.ip_address", confidence: "high" },
    ]);
  });
});
