import { describe, expect, it } from "vitest";
import { isPhoneNumber } from "../../src/detectors/index.js";
import { chinookRows } from "../helpers/chinook.js";
import { hardNegatives } from "./hard-negatives.js";

describe("isPhoneNumber", () => {
  it("accepts international numbers whose length fits their country", () => {
    for (const phone of [
      "+1 (780) 428-9482",
      "+44 20 7946 0958",
      "+442079460958",
      "+49 030 26550280",
      "+55 (12) 3923-5555",
      "+33 01 47 42 71 71",
      "0044 20 7946 0958",
      "+1 555 010 0199 x123",
    ]) {
      expect(isPhoneNumber(phone), phone).toBe(true);
    }
  });

  it("accepts formatted North American numbers without a country code, 555 ones included", () => {
    for (const phone of ["(555) 123-4567", "555-123-4567", "212.221.3546", "(212)221-3546"]) {
      expect(isPhoneNumber(phone), phone).toBe(true);
    }
  });

  it("finds every phone and fax number in Chinook's customer and employee rows", () => {
    const { Customer = [], Employee = [] } = chinookRows();
    const numbers = [
      ...new Set(
        [...Customer, ...Employee]
          .flatMap((person) => [person.Phone, person.Fax])
          .filter(
            (value): value is string =>
              typeof value === "string" && /^\+[\d ()+.-]{8,}$/.test(value),
          ),
      ),
    ];
    expect(numbers.length).toBeGreaterThan(70);
    const missed = numbers.filter((phone) => !isPhoneNumber(phone));
    // "+453 3331 9991" is in the data set but has no valid country code (Denmark is +45).
    expect(missed).toEqual(["+453 3331 9991"]);
  });

  it("rejects bare digit runs, impossible lengths and other figures", () => {
    for (const value of [
      "5551234567",
      "+1 234",
      "+1 555 0100 12345678",
      "+999 123 456 789",
      "123-45-6789",
      "1 059 546 140",
      "192.168.1.10",
      "2026-11-27 02:00",
      "+1 (780) 428-9482 and more",
    ]) {
      expect(isPhoneNumber(value), value).toBe(false);
    }
  });

  it("rejects the hard negatives", () => {
    for (const value of hardNegatives) expect(isPhoneNumber(value), value).toBe(false);
  });
});
