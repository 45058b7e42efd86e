import { describe, expect, it } from "vitest";
import { agentUsageValues } from "../../src/bundle/agent-usage.js";
import { parseConfigText } from "../../src/config/load-config.js";
import { ConfigError } from "../../src/errors.js";

const source = "sources:\n  - name: crm\n    type: postgres\n    connection: postgresql://h/db\n";
const parse = (usage: string, env: NodeJS.ProcessEnv = {}) =>
  parseConfigText(`defaults:\n  agent_usage: ${usage}\n${source}`, "/tmp/okf.config.yaml", env);

describe("defaults.agent_usage", () => {
  it("takes a value of the agent_usage vocabulary, also from the environment", () => {
    for (const value of agentUsageValues) expect(parse(value).defaults.agent_usage).toBe(value);
    expect(parse("${AGENT_USAGE}", { AGENT_USAGE: "prohibited" }).defaults.agent_usage).toBe(
      "prohibited",
    );
  });

  it("refuses free text, naming the key and the values it takes", () => {
    let message = "";
    try {
      parse("read only please");
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      message = error.message;
    }
    expect(message).toContain("defaults.agent_usage");
    expect(message).toContain("allowed_read_only");
  });
});
