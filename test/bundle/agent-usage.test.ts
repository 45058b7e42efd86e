import { describe, expect, it } from "vitest";
import { agentUsageValues, allowsWrites, isAgentUsage } from "../../src/bundle/agent-usage.js";

describe("the agent_usage vocabulary", () => {
  it("knows its five values, and nothing else", () => {
    expect(agentUsageValues.filter(isAgentUsage)).toEqual([...agentUsageValues]);
    for (const other of ["not_allowed", "Allowed", "allowed ", "", 1, null, undefined, ["allowed"]])
      expect(isAgentUsage(other)).toBe(false);
  });

  it("lets only `allowed` write", () => {
    expect(agentUsageValues.filter(allowsWrites)).toEqual(["allowed"]);
  });
});
