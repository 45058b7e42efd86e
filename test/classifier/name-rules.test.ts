import { describe, expect, it } from "vitest";
import { classifyField } from "../../src/classifier/classify-dataset.js";
import { coreName, snakeWords } from "../../src/classifier/field-names.js";
import { assessName } from "../../src/classifier/name-assessment.js";
import { facts } from "./build-dataset.js";

/** Categories found for a field from its name and type alone (nothing sampled). */
function byName(path: string, type = "text", dataset = "customer"): string[] {
  return classifyField(facts(path, type, [], dataset)).map((finding) => finding.category);
}

describe("field names", () => {
  it("are reduced to lower-case words whatever the casing convention", () => {
    expect(snakeWords("BillingPostalCode")).toBe("billing_postal_code");
    expect(snakeWords("billing-postal-code")).toBe("billing_postal_code");
    expect(snakeWords("IPAddress")).toBe("ip_address");
    expect(snakeWords("lastLoginIp")).toBe("last_login_ip");
    expect(snakeWords("EMail")).toBe("e_mail");
    expect(snakeWords("client_ipv4")).toBe("client_ipv4");
    expect(snakeWords("street1")).toBe("street_1");
  });

  it("lose trailing qualifiers and numbers, but never their last word", () => {
    expect(coreName("phone_home")).toBe("phone");
    expect(coreName("address_line_2")).toBe("address_line");
    expect(coreName("backup_email_2")).toBe("backup_email");
    expect(coreName("mobile")).toBe("mobile");
  });
});

describe("name rules", () => {
  it.each([
    ["email", "pii.email"],
    ["EmailAddress", "pii.email"],
    ["e-mail", "pii.email"],
    ["billing_email", "pii.email"],
    ["phone", "pii.phone"],
    ["PhoneNumber", "pii.phone"],
    ["mobile_number", "pii.phone"],
    ["fax", "pii.phone"],
    ["home_phone", "pii.phone"],
    ["credit_card_number", "pii.card"],
    ["cc_number", "pii.card"],
    ["cvv", "pii.card"],
    ["iban", "pii.iban"],
    ["bank_account_number", "pii.iban"],
    ["ip_address", "pii.ip_address"],
    ["last_login_ip", "pii.ip_address"],
    ["client_ipv6", "pii.ip_address"],
    ["remote_addr", "pii.ip_address"],
    ["ssn", "pii.national_id"],
    ["social_security_number", "pii.national_id"],
    ["NationalIDNumber", "pii.national_id"],
    ["passport_no", "pii.national_id"],
    ["first_name", "pii.person_name"],
    ["LastName", "pii.person_name"],
    ["surname", "pii.person_name"],
    ["user_real_name", "pii.person_name"],
    ["contact_name", "pii.person_name"],
    ["cardholder_name", "pii.person_name"],
    ["address", "pii.postal_address"],
    ["AddressLine1", "pii.postal_address"],
    ["billing_address", "pii.postal_address"],
    ["street", "pii.postal_address"],
    ["postal_code", "pii.postal_address"],
    ["zipcode", "pii.postal_address"],
    ["password", "secret.password"],
    ["passwd", "secret.password"],
    ["user_newpassword", "secret.password"],
    ["oldpasswd", "secret.password"],
    ["password_hash", "secret.password_hash"],
    ["encrypted_password", "secret.password_hash"],
    ["api_key", "secret.api_key"],
    ["client_secret", "secret.api_key"],
    ["aws_secret_access_key", "secret.api_key"],
    ["access_token", "secret.token"],
    ["refresh_token", "secret.token"],
  ])("%s is %s", (name, category) => {
    expect(byName(name)).toEqual([category]);
  });

  it("date of birth names need a type that can hold a date", () => {
    expect(byName("birth_date", "date")).toEqual(["pii.date_of_birth"]);
    expect(byName("dob", "timestamp without time zone")).toEqual(["pii.date_of_birth"]);
    expect(byName("DateOfBirth", "text")).toEqual(["pii.date_of_birth"]);
    expect(byName("birthdate", "integer")).toEqual([]);
  });

  it.each([
    "email_opt_in",
    "email_verified",
    "phone_model",
    "phone_type",
    "card_count",
    "card_type",
    "card_last4",
    "ssn_verified",
    "ip_allowlist_enabled",
    "password_reset_required",
    "password_updated_at",
    "token_count",
    "token_type",
    "next_page_token",
    "customer_zip_code_prefix",
    "customer_id",
    "email_address_id",
    "last_login",
    "login_count",
    "company_name",
    "mac_address",
    "public_key",
    "city",
    "country",
  ])("%s is not sensitive by its name", (name) => {
    expect(byName(name)).toEqual([]);
  });

  it.each(["username", "user_name", "login", "login_name", "UserLogin", "LoginID"])(
    "%s is a login name, not a personal name",
    (name) => {
      expect(byName(name)).toEqual(["pii.username"]);
    },
  );

  it("a name that mentions a sensitive thing before other words says why it is left out", () => {
    const { findings, notes } = assessName(facts("ssn_verified", "text"));
    expect(findings).toEqual([]);
    expect(notes).toContain(
      'name ends in "_verified": a property of national id numbers, not one (pii.national_id)',
    );
  });

  it("email_address is an email and ip_address an IP address, not postal addresses", () => {
    expect(byName("email_address")).toEqual(["pii.email"]);
    expect(byName("ip_address")).toEqual(["pii.ip_address"]);
  });
});

describe("vetoes", () => {
  it("a boolean, count or timestamp named like a sensitive thing is not one", () => {
    expect(byName("email", "boolean")).toEqual([]);
    expect(byName("email_opt_in", "boolean")).toEqual([]);
    expect(byName("tokens", "integer")).toEqual([]);
    expect(byName("phone", "timestamp with time zone")).toEqual([]);
    const { notes } = assessName(facts("email", "boolean"));
    expect(notes).toEqual(["declared type boolean cannot hold email addresses (pii.email)"]);
  });

  it("an enum cannot hold personal data, whatever it is called", () => {
    const field = facts("phone", "sales.phone_kind");
    const withEnum = { ...field, families: new Set(["enum" as const]) };
    expect(classifyField(withEnum)).toEqual([]);
  });

  it("numbers are accepted where people store them as numbers", () => {
    expect(byName("phone", "bigint")).toEqual(["pii.phone"]);
    expect(byName("card_number", "numeric(19,0)")).toEqual(["pii.card"]);
    expect(byName("zip", "integer")).toEqual(["pii.postal_address"]);
    expect(byName("email", "integer")).toEqual([]);
  });

  it("a flag or count prefix vetoes the name", () => {
    expect(byName("has_email", "text")).toEqual([]);
    expect(byName("num_phones", "text")).toEqual([]);
    const { notes } = assessName(facts("is_email", "text"));
    expect(notes[0]).toBe(
      'name starts with "is_": a flag or count about email addresses (pii.email)',
    );
  });

  it("planner statistics with a handful of distinct values in many rows veto a name", () => {
    const few = facts("phone", "text", [], "customer", {
      stats: { distinct: 3 },
      rowEstimate: 1000,
    });
    expect(classifyField(few)).toEqual([]);
    expect(assessName(few).notes).toEqual([
      "planner statistics: 3 distinct values in about 1000 rows, a category rather than phone numbers (pii.phone)",
    ]);
    const many = facts("phone", "text", [], "customer", {
      stats: { distinct: 950 },
      rowEstimate: 1000,
    });
    expect(classifyField(many).map((finding) => finding.category)).toEqual(["pii.phone"]);
  });
});

describe("context", () => {
  it("a bare name is a person's in a dataset of people, not of things", () => {
    for (const dataset of ["users", "customers", "employees", "contacts", "crm_people", "Person"]) {
      expect(byName("name", "text", dataset)).toEqual(["pii.person_name"]);
    }
    for (const dataset of ["artist", "genre", "track", "product", "customer_account", "playlist"]) {
      expect(byName("name", "text", dataset)).toEqual([]);
    }
  });

  it("a nested name takes its context from its parent field", () => {
    expect(byName("customer.name", "string", "orders")).toEqual(["pii.person_name"]);
    expect(byName("lines[].name", "string", "orders")).toEqual([]);
    expect(byName("artist.name", "string", "users")).toEqual([]);
  });

  it("says which owner was not a person", () => {
    const { notes } = assessName(facts("name", "text", [], "genre"));
    expect(notes).toEqual([
      '"name" belongs to dataset "genre", which is not a person (pii.person_name)',
    ]);
  });

  it("the address of a place or organisation is not personal data", () => {
    expect(byName("location.address.street1", "string", "theaters")).toEqual([]);
    expect(byName("address", "text", "suppliers")).toEqual([]);
    expect(byName("store.address", "string", "orders")).toEqual([]);
    expect(byName("customer.address.zip", "string", "orders")).toEqual(["pii.postal_address"]);
  });

  it("evidence quotes the part of the name that matched and the context", () => {
    const [finding] = classifyField(facts("BillingPostalCode", "varchar(10)"));
    expect(finding?.evidence).toEqual(['name matches "postal_code"', "no sampled values to check"]);
    const [person] = classifyField(facts("name", "text", [], "customers"));
    expect(person?.evidence).toEqual([
      'name matches "name"',
      'dataset "customers" holds people',
      "no sampled values to check",
    ]);
    expect(person?.confidence).toBe("medium");
  });
});
