import { describe, expect, it } from "vitest";
import { isIban } from "../../src/detectors/index.js";
import { hardNegatives } from "./hard-negatives.js";

describe("isIban", () => {
  it("accepts IBANs of several countries, printed or electronic", () => {
    for (const iban of [
      "DE89 3704 0044 0532 0130 00",
      "DE89370400440532013000",
      "GB82 WEST 1234 5698 7654 32",
      "FR14 2004 1010 0505 0001 3M02 606",
      "NL91 ABNA 0417 1643 00",
      "BE68 5390 0754 7034",
      "gb82west12345698765432",
    ]) {
      expect(isIban(iban), iban).toBe(true);
    }
  });

  it("rejects a wrong check digit, a wrong length for the country and unknown countries", () => {
    for (const value of [
      "DE89 3704 0044 0532 0130 01", // mod-97
      "DE88 3704 0044 0532 0130 00",
      "DE89 3704 0044 0532 0130", // Germany is 22 characters
      "XX89 3704 0044 0532 0130 00",
      "GB82 WEST 1234 5698 7654 3Z",
      "DE89-3704-0044-0532-0130-00",
    ]) {
      expect(isIban(value), value).toBe(false);
    }
  });

  it("rejects the hard negatives", () => {
    for (const value of hardNegatives) expect(isIban(value), value).toBe(false);
  });
});
