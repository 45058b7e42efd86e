import { describe, expect, it } from "vitest";
import { rangeText, shownBounds } from "../../src/render/range-text.js";
import { plantedCard } from "../helpers/planted-values.js";

describe("a field's range", () => {
  it("says always only when every value is the same, and writes that value exactly", () => {
    expect(rangeText("1764547200", "1764547200")).toBe("always 1764547200");
    expect(rangeText("2006", "2024")).toBe("range 2006 … 2024");
    expect(rangeText("34120.5", "34480.25")).toBe("range ≈34K … ≈35K");
    expect(rangeText("2024-01-03", "2024-01-28")).toBe("range 2024-01-03 … 2024-01-28");
    expect(rangeText("2024-01-03T10:00:00Z", "2024-01-03T11:30:00Z")).toBe(
      "range 2024-01-03T10:00:00Z … 2024-01-03T11:30:00Z",
    );
  });

  it("withholds a single value that a detector matches, as a value list would", () => {
    const card = plantedCard();
    expect(rangeText(card, card)).toBe("always one value (withheld)");
    expect(shownBounds(card, card).join()).not.toContain(card);
    expect(rangeText(...shownBounds(card, card))).toBe("always one value (withheld)");
  });

  it("writes small integers (years, codes, small ids) exactly", () => {
    expect(rangeText("1", "599")).toBe("range 1 … 599");
    expect(rangeText("-40", "9999")).toBe("range -40 … 9999");
  });

  it("rounds other numbers outward to two significant digits, marking each rounded bound", () => {
    expect(rangeText("9.99", "29.99")).toBe("range ≈9.9 … ≈30");
    expect(rangeText("1700000123", "1799999999")).toBe("range ≈1.7B … ≈1.8B");
    expect(rangeText("10001", "599999")).toBe("range ≈10K … ≈600K");
    expect(rangeText("-123.4", "-0.126")).toBe("range ≈-130 … ≈-0.12");
    expect(rangeText("0.5", "12000")).toBe("range 0.5 … 12K");
  });

  it("keeps every value inside the range it states", () => {
    const cases: Array<[number, number]> = [
      [9.99, 29.99],
      [1234.5, 98765.4],
      [0.0123, 0.987],
      [-99.5, 10_000.5],
      [10_001, 999_999],
    ];
    for (const [min, max] of cases) {
      const [low, high] = shownBounds(String(min), String(max));
      expect(parse(low)).toBeLessThanOrEqual(min);
      expect(parse(high)).toBeGreaterThanOrEqual(max);
    }
  });

  it("does not move while the values move inside their buckets (nightly runs rewrite nothing)", () => {
    expect(rangeText("9.99", "29.99")).toBe(rangeText("9.95", "29.5"));
    expect(rangeText("1764547200", "1764633600")).toBe(rangeText("1764547201", "1764720000"));
    expect(rangeText("2024-01-03", "2025-11-20")).toBe(rangeText("2024-01-01", "2025-11-29"));
  });

  it("gives the shown bounds back unchanged when they are shown again (the state keeps them)", () => {
    for (const [min, max] of [
      ["9.99", "29.99"],
      ["1", "599"],
      ["2024-01-03", "2025-11-20"],
      ["2024-01-03", "2024-01-28"],
      ["10001", "599999"],
    ] as const) {
      const shown = shownBounds(min, max);
      expect(shownBounds(...shown)).toEqual(shown);
      expect(rangeText(...shown)).toBe(rangeText(min, max));
    }
  });
});

/** `≈1.2K` → 1200. */
function parse(bound: string): number {
  const match = /^≈?(-?[\d.]+)([KMBT]?)$/.exec(bound);
  const scale = { "": 1, K: 1e3, M: 1e6, B: 1e9, T: 1e12 } as const;
  const unit = (match?.[2] ?? "") as keyof typeof scale;
  return Number(match?.[1]) * scale[unit];
}
