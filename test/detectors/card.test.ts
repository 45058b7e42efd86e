import { describe, expect, it } from "vitest";
import { isCardNumber, passesLuhn } from "../../src/detectors/index.js";
import { hardNegatives } from "./hard-negatives.js";

describe("passesLuhn", () => {
  it("accepts numbers whose mod-10 checksum is zero and rejects a single changed digit", () => {
    expect(passesLuhn("79927398713")).toBe(true);
    expect(passesLuhn("79927398710")).toBe(false);
    expect(passesLuhn("4111111111111111")).toBe(true);
    expect(passesLuhn("4111111111111121")).toBe(false);
    expect(passesLuhn("")).toBe(false);
    expect(passesLuhn("41a1")).toBe(false);
  });
});

describe("isCardNumber", () => {
  it("recognises the networks' published test numbers, grouped or not", () => {
    const cards = [
      "4111111111111111", // Visa
      "4012888888881881",
      "4222222222222", // Visa, 13 digits
      "5555555555554444", // Mastercard
      "2223003122003222", // Mastercard 2-series
      "378282246310005", // American Express
      "3714 496353 98431",
      "6011111111111117", // Discover
      "3530111333300000", // JCB
      "30569309025904", // Diners Club
      "6200000000000005", // UnionPay
      "501234567896", // Maestro, 12 digits
      "4111 1111 1111 1111",
      "4111-1111-1111-1111",
      " 5555 5555 5555 4444 ",
    ];
    for (const card of cards) expect(isCardNumber(card), card).toBe(true);
  });

  it("rejects a Luhn failure, an unknown issuer, a wrong length and odd separators", () => {
    expect(isCardNumber("4111111111111112")).toBe(false); // Luhn
    expect(isCardNumber("1234567890123452")).toBe(false); // Luhn-valid, no issuer starts with 1
    expect(passesLuhn("1234567890123452")).toBe(true);
    expect(isCardNumber("378282246310005 0")).toBe(false); // Amex is 15 digits
    expect(isCardNumber("41111111111")).toBe(false); // too short
    expect(isCardNumber("4111  1111 1111 1111")).toBe(false); // double space
    expect(isCardNumber("4111.1111.1111.1111")).toBe(false);
    expect(isCardNumber("0000000000000000")).toBe(false);
    expect(isCardNumber("5555555555555555557")).toBe(false);
  });

  it("rejects the hard negatives", () => {
    for (const value of hardNegatives) expect(isCardNumber(value), value).toBe(false);
  });
});
