import { describe, expect, it } from "vitest";
import { isEmail } from "../../src/detectors/index.js";
import { hardNegatives } from "./hard-negatives.js";

describe("isEmail", () => {
  it("accepts ordinary addresses, including sub-addresses and sub-domains", () => {
    for (const email of [
      "luisg@embraer.com.br",
      "j.doe+billing@mail.example.co.uk",
      "o'brien@example.ie",
      "X_Y-Z@sub-domain.example.museum",
      "  padded@example.com ",
    ]) {
      expect(isEmail(email), email).toBe(true);
    }
  });

  it("rejects URIs with users, handles and malformed addresses", () => {
    for (const value of [
      "postgres@127.0.0.1",
      "postgresql://postgres@db.internal:5432/crm",
      "user:***@example.com",
      "@electric-sql/pglite",
      "name@localhost",
      "a@b.c",
      ".dot@example.com",
      "double..dot@example.com",
      "two@@example.com",
      "space in@example.com",
      "trailing@example.com.",
      "no-at-sign.example.com",
      `${"a".repeat(250)}@example.com`,
    ]) {
      expect(isEmail(value), value).toBe(false);
    }
  });

  it("rejects the hard negatives", () => {
    for (const value of hardNegatives) expect(isEmail(value), value).toBe(false);
  });
});
