import { describe, expect, it } from "vitest";
import { hash53 } from "../../src/profiler/distinct-hash.js";

describe("hash53", () => {
  it("tells apart hundreds of thousands of near-identical values", () => {
    const hashes = new Set<number>();
    for (let index = 0; index < 200_000; index += 1) {
      hashes.add(hash53(`n${String(index)}`));
      hashes.add(hash53(`suser${String(index)}@example.com`));
    }
    expect(hashes.size).toBe(400_000);
  });

  it("is a safe integer that depends on every character", () => {
    const value = hash53("abc");
    expect(Number.isSafeInteger(value)).toBe(true);
    expect(hash53("abc")).toBe(value);
    expect(hash53("abd")).not.toBe(value);
    expect(hash53("bac")).not.toBe(value);
    expect(hash53("")).not.toBe(hash53("\u0000"));
  });
});
