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
const plain = { sensitive: false };

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

  it("says how many values are the empty string, and names it in a value list", () => {
    const profile = { ...base, nulls: 1, distinct: 2, empty: 60, values: ["", "active"] };
    expect(profileText(undefined, profile, { ...plain, tableRows: 100 })).toBe(
      "values: (empty string), active; null 1%; empty string 60%",
    );
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
    ).toBe("distinct ≈ 1.2M; null 3.1%; range in sample: 2019-03 … 2026-11");
  });

  it("gives a range as the column's only when the sample read every row", () => {
    const profile = { ...base, min: "3", max: "41", types: { integer: 100 } };
    expect(profileText(undefined, profile, { ...plain, tableRows: 100 })).toBe(
      "distinct in sample: all; range 3 … 41",
    );
    expect(profileText(undefined, profile, { ...plain, tableRows: 5_000 })).toBe(
      "distinct in sample: all; range in sample: 3 … 41",
    );
    const single = { ...profile, min: "7", max: "7" };
    expect(profileText(undefined, single, { ...plain, tableRows: 5_000 })).toBe(
      "distinct in sample: all; one value in sample: 7",
    );
    expect(profileText(undefined, single, { ...plain, tableRows: 100 })).toBe(
      "distinct in sample: all; always 7",
    );
    // A view has no row estimate; its sampler says when the read ended before the cap.
    expect(profileText(undefined, profile, { ...plain, complete: true })).toBe(
      "distinct in sample: all; range 3 … 41",
    );
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

describe("value lists", () => {
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

describe("uniqueness", () => {
  const stats = { distinct: 450, nullFraction: 0, source: "pg_stats" };
  const profile = { ...base, distinct: 90, min: "1", max: "450", types: { integer: 100 } };
  const whole = { ...plain, tableRows: 100 };

  it("is claimed for a column that a key of its own holds", () => {
    expect(profileText({ stats }, profile, { ...whole, uniqueKey: true })).toBe(
      "distinct: unique; range 1 … 450",
    );
  });

  it("is not claimed from a key of a source that keeps no statistics (Redshift: keys unenforced)", () => {
    expect(profileText(undefined, profile, { ...whole, uniqueKey: true })).toBe(
      "distinct in sample: 90; range 1 … 450",
    );
  });

  it("is not claimed for a column of a composite key: the statistics' count is shown", () => {
    expect(profileText({ stats }, profile, whole)).toBe("distinct ≈ 450; range 1 … 450");
  });
});

describe("a sampled value list", () => {
  const values = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
  const profile = { ...base, distinct: 10, values };

  it("says it is partial and how many values the statistics count when they count more", () => {
    const stats = { distinct: 16, nullFraction: 0, source: "pg_stats" };
    expect(profileText({ stats }, profile, { ...plain, tableRows: 50_000 })).toBe(
      "10 of ≈16 values: a, b, c, d, e, f, g, h, i, j",
    );
  });

  it("is complete when the statistics count no more, or when the sample read every row", () => {
    const stats = { distinct: 10, nullFraction: 0, source: "pg_stats" };
    expect(profileText({ stats }, profile, { ...plain, tableRows: 50_000 })).toBe(
      `values: ${values.join(", ")}`,
    );
    expect(profileText(undefined, profile, { ...plain, tableRows: 100 })).toBe(
      `values: ${values.join(", ")}`,
    );
  });

  it("says it may be partial when nothing tells, the sample being smaller than the table", () => {
    expect(profileText(undefined, profile, { ...plain, tableRows: 50_000 })).toBe(
      `values in the sample (there may be more): ${values.join(", ")}`,
    );
    expect(profileText(undefined, profile, plain)).toBe(
      `values in the sample (there may be more): ${values.join(", ")}`,
    );
  });
});

describe("rounded figures", () => {
  it("mark a sampled distinct count and an average length that rounding changed", () => {
    const profile = { ...base, nulls: 0, present: 5_000, distinct: 1_234 };
    expect(profileText(undefined, profile, plain)).toBe("distinct in sample: ≈1.2K");
    const stats = { averageLength: 5.4321, source: "mysql.column_stats" };
    expect(profileText({ stats }, undefined, plain)).toBe("avg length ≈5.4");
  });
});
