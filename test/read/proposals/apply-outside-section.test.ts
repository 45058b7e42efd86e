import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { applyProposals } from "../../../src/read/proposals/apply-proposals.js";
import { accountPath, demoProject, proposeCaveat } from "./proposal-fixture.js";

/**
 * Apply's second line of defence: even a text the input checks let through (here they are
 * switched off) is refused when the file would change outside the proposal's one section.
 */
vi.mock("../../../src/read/proposals/proposal-input.js", async (importOriginal) => {
  const original =
    await importOriginal<typeof import("../../../src/read/proposals/proposal-input.js")>();
  return {
    ...original,
    checkedText: (_label: string, value: string) => Promise.resolve(value.replace(/\r\n/g, "\n")),
  };
});

const fence = "```";

describe("apply refuses a change outside the proposal's section", () => {
  it.each([
    [
      "an unclosed fence",
      `${fence}sql\nSELECT 1;`,
      /code fence opened on line \d+ is never closed/,
    ],
    [
      "a ## heading",
      "Loaded nightly.\n\n## Hijack\nmine",
      /the section "Caveats" would no longer read/,
    ],
    ["an okf end marker", "<!-- okf:end summary -->", /has no matching okf:begin/],
    [
      "an okf region",
      "<!-- okf:begin keys -->\nk\n<!-- okf:end keys -->",
      /would no longer read|appears twice/,
    ],
  ])("%s", async (_label, text, reason) => {
    const project = demoProject();
    const id = await proposeCaveat(project, "Placeholder.");
    const file = join(project.dir, "proposals", `${id}.md`);
    writeFileSync(file, readFileSync(file, "utf8").replace("Placeholder.", text));
    const before = project.read(accountPath);
    const result = await applyProposals({
      cwd: project.dir,
      ids: [id],
      by: "steward",
      force: true,
      now: new Date("2026-11-28T10:00:00Z"),
    });
    expect(result.applied).toEqual([]);
    expect(result.refused).toMatchObject([{ id: id, forceable: false }]);
    expect(result.refused[0]?.reason).toMatch(
      new RegExp(
        `^applying it would change ${accountPath.replace(/\./g, "\\.")} outside the section "Caveats": `,
      ),
    );
    expect(result.refused[0]?.reason).toMatch(reason);
    expect(project.read(accountPath)).toBe(before);
  });
});
