import { describe, expect, it } from "vitest";
import { checkedObservedFacts } from "../../src/bundle/observed-facts.js";

const field = {
  path: "email",
  sampled: 2,
  present: 2,
  nulls: 0,
  distinct: 2,
  types: { string: 2 },
  shapes: {},
};

describe("checkedObservedFacts", () => {
  it("keeps a sample part in the shape okf writes", () => {
    const sample = {
      profile: { sampling: { status: "read", method: "a read" }, sampled: 2, fields: [field] },
      findings: [],
    };
    expect(checkedObservedFacts({ sample }).sample).toEqual(sample);
  });

  it("upgrades a profile from before `sampling`, read or not read", () => {
    const read = checkedObservedFacts({
      sample: { profile: { method: "a read", sampled: 2, fields: [field] }, findings: [] },
    });
    expect(read.sample?.profile?.sampling).toEqual({ status: "read", method: "a read" });
    expect(read.sample?.profile).not.toHaveProperty("method");
    const skipped = checkedObservedFacts({
      sample: {
        profile: { method: "not sampled: a foreign table", sampled: 0, fields: [] },
        findings: [],
      },
    });
    expect(skipped.sample?.profile?.sampling).toEqual({
      status: "not_read",
      reason: "a foreign table",
    });
  });

  it("drops a sample part that has neither shape", () => {
    expect(checkedObservedFacts({ sample: { profile: { sampled: 2 }, findings: [] } }).sample).toBe(
      undefined,
    );
    expect(
      checkedObservedFacts({ sample: { profile: { method: 3, sampled: 0, fields: [] } } }).sample,
    ).toBe(undefined);
  });
});
