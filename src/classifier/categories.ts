import type { Classification } from "../model/index.js";
import type { TypeFamily } from "./type-family.js";

/** The built-in categories. Custom rules may add others (`pii.customer_number`, …). */
export type BuiltInCategory =
  | "pii.email"
  | "pii.phone"
  | "pii.card"
  | "pii.iban"
  | "pii.ip_address"
  | "pii.national_id"
  | "pii.date_of_birth"
  | "pii.person_name"
  | "pii.postal_address"
  | "pii.username"
  | "pii.photo"
  | "secret.password"
  | "secret.password_hash"
  | "secret.api_key"
  | "secret.token";

/** Data whose leak is directly exploitable (fraud, account takeover, identity theft). */
const restrictedCategories: ReadonlySet<string> = new Set([
  "pii.card",
  "pii.iban",
  "pii.national_id",
]);

/** The level a finding of this category calls for; custom rules may set their own. */
export function classificationOf(category: string): Exclude<Classification, "public"> {
  if (category.startsWith("secret.") || restrictedCategories.has(category)) return "restricted";
  return "confidential";
}

const rank: Record<Exclude<Classification, "public">, number> = {
  internal: 0,
  confidential: 1,
  restricted: 2,
};

/** The strictest of the levels; `internal` for none (the classifier never suggests `public`). */
export function strictest(
  levels: Iterable<Exclude<Classification, "public">>,
): Exclude<Classification, "public"> {
  let result: Exclude<Classification, "public"> = "internal";
  for (const level of levels) if (rank[level] > rank[result]) result = level;
  return result;
}

/** What a category's values are, for evidence and veto notes. */
export const categoryNouns: Record<BuiltInCategory, string> = {
  "pii.email": "email addresses",
  "pii.phone": "phone numbers",
  "pii.card": "payment card data",
  "pii.iban": "IBANs or bank account numbers",
  "pii.ip_address": "IP addresses",
  "pii.national_id": "national id numbers",
  "pii.date_of_birth": "dates of birth",
  "pii.person_name": "personal names",
  "pii.postal_address": "postal addresses",
  "pii.username": "login names",
  "pii.photo": "photographs of people",
  "secret.password": "passwords",
  "secret.password_hash": "password hashes",
  "secret.api_key": "API keys or secrets",
  "secret.token": "tokens",
};

const textual: readonly TypeFamily[] = ["string", "unknown"];

/**
 * The type families that can hold a category's values. A boolean, a count, a timestamp or an
 * enum named like a sensitive thing is a property of it (`email_opt_in`, `card_count`), not it.
 */
export const allowedFamilies: Record<BuiltInCategory, readonly TypeFamily[]> = {
  "pii.email": textual,
  "pii.phone": [...textual, "number"],
  "pii.card": [...textual, "number"],
  "pii.iban": textual,
  "pii.ip_address": [...textual, "network"],
  "pii.national_id": [...textual, "number"],
  "pii.date_of_birth": [...textual, "date"],
  "pii.person_name": [...textual, "object"],
  "pii.postal_address": [...textual, "object", "number"],
  "pii.username": textual,
  // Images as bytes (bytea, BLOB), or as base64 text in documents and DynamoDB.
  "pii.photo": [...textual, "binary"],
  "secret.password": [...textual, "binary"],
  "secret.password_hash": [...textual, "binary"],
  "secret.api_key": [...textual, "binary", "uuid"],
  "secret.token": [...textual, "binary", "uuid"],
};
