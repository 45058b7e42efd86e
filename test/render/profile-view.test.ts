import { describe, expect, it } from "vitest";
import type { FieldProfile } from "../../src/model/index.js";
import { profileText } from "../../src/render/profile-view.js";

const base: FieldProfile = {
  path: "x",
  sampled: 100,
  present: 100,
  nulls: 0,
  distinct: 100,
  types: { string: 100 },
  shapes: {},
};
const plain = { isPrimary: false, sensitive: false };

describe("the Profile cell", () => {
  it("says only that a sensitive field is not profiled, whatever the sample found", () => {
    const profile = { ...base, values: ["a@example.com"], min: "a", max: "z" };
    expect(
      profileText({ stats: { nullFraction: 0.5, distinct: 3, source: "pg_stats" } }, profile, {
        ...plain,
        sensitive: true,
      }),
    ).toBe("sensitive: not profiled");
  });

  it("prefers planner statistics for nulls and distinct counts, and adds what only the sample knows", () => {
    const profile = {
      ...base,
      nulls: 10,
      distinct: 90,
      min: "2019-03-01",
      max: "2026-11-27",
      types: { date: 90 },
    };
    expect(
      profileText(
        { stats: { nullFraction: 0.031, distinct: 1_200_000, source: "pg_stats" } },
        profile,
        plain,
      ),
    ).toBe("distinct ≈ 1.2M; null 3.1%; range 2019-03 … 2026-11");
  });

  it("lists the valid values of a low-cardinality field instead of counting them", () => {
    const profile = { ...base, distinct: 3, values: ["enterprise", "mid_market", "smb"] };
    expect(
      profileText({ stats: { distinct: 3, nullFraction: 0, source: "pg_stats" } }, profile, plain),
    ).toBe("values: enterprise, mid_market, smb");
  });

  it("falls back to the sample for nulls and distinct counts, and names a dominant shape and a type mix", () => {
    const profile = {
      ...base,
      nulls: 20,
      present: 100,
      distinct: 80,
      shapes: { uuid: 78 },
      types: { string: 60, integer: 20 },
    };
    expect(profileText(undefined, profile, plain)).toBe(
      "distinct in sample: all; null 20%; shape: uuid; types: string 75%, integer 25%",
    );
  });
});

describe("range rounding", () => {
  it("keeps two significant digits of numbers and the month of dates, so growth does not rewrite files", async () => {
    const { roundBound } = await import("../../src/render/profile-view.js");
    expect(roundBound("1004")).toBe("1K");
    expect(roundBound("0.125")).toBe("0.13");
    expect(roundBound("2026-11-27")).toBe("2026-11");
    expect(roundBound("2026-11-27T02:00:00Z")).toBe("2026-11");
    expect(roundBound("abc")).toBe("abc");
  });

  it("withholds an enum label that trips a detector, and says how many it withheld", () => {
    const labels = ["active", ["ops", "example.com"].join("@"), "closed"];
    expect(profileText({ enumValues: labels }, undefined, plain)).toBe(
      "values: active, closed, (1 more withheld)",
    );
    expect(profileText({ enumValues: ["active", "closed"] }, undefined, plain)).toBe(
      "values: active, closed",
    );
  });
});
