import { describe, expect, it } from "vitest";
import { formatMagnitude } from "../../src/render/format.js";

describe("formatMagnitude", () => {
  it("names a counter's order of magnitude, so daily growth rarely changes the text", () => {
    expect([0, 3, 10, 99, 100, 1_234, 9_999, 8_400_000, 12_000_000].map(formatMagnitude)).toEqual([
      "0",
      "under 10",
      "10+",
      "10+",
      "100+",
      "1K+",
      "1K+",
      "1M+",
      "10M+",
    ]);
  });
});
