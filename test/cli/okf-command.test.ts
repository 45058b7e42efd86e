import { describe, expect, it } from "vitest";
import { okfCommand } from "../../src/okf-command.js";

describe("okfCommand", () => {
  it("suggests npx okf in a clone, where npx finds the project's own bin", () => {
    expect(okfCommand("/home/dev/okf/dist/src/okf-command.js")).toBe("npx okf");
  });

  it("suggests plain okf once installed, where npx okf would go to the registry", () => {
    expect(okfCommand("/usr/lib/node_modules/okf/dist/src/okf-command.js")).toBe("okf");
  });
});
