import { describe, expect, it } from "vitest";
import { isSsn } from "../../src/detectors/index.js";
import { hardNegatives } from "./hard-negatives.js";

describe("isSsn", () => {
  it("accepts numbers the SSA could have issued, dashed, spaced or bare", () => {
    for (const ssn of ["123-45-6789", "001-01-0001", "665-99-9999", "899 12 3456", "123456789"]) {
      expect(isSsn(ssn), ssn).toBe(true);
    }
  });

  it("rejects area 000, 666 and 9xx, group 00, serial 0000, and mixed separators", () => {
    for (const value of [
      "000-12-3456",
      "666-12-3456",
      "900-12-3456",
      "987-65-4321",
      "123-00-4567",
      "123-45-0000",
      "123-45 6789",
      "123-456-789",
      "12-345-6789",
      "1234-56-789",
      "123-45-67890",
    ]) {
      expect(isSsn(value), value).toBe(false);
    }
  });

  it("rejects the hard negatives", () => {
    for (const value of hardNegatives) expect(isSsn(value), value).toBe(false);
  });
});
