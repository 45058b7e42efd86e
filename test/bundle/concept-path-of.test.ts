import { describe, expect, it } from "vitest";
import { isConceptPathOf, planConceptPaths } from "../../src/bundle/concept-paths.js";

/** A key of `.okf/state/<source>.json` is used only when it is a concept path of that source. */
describe("isConceptPathOf", () => {
  it("accepts every path that planConceptPaths gives the source, odd names included", () => {
    const names = [
      "orders",
      "Ünïcode tåble",
      "..",
      ".hidden",
      "-dash",
      "index",
      "LOG",
      "a.md",
      "x".repeat(150),
    ];
    const refs = names.map((name) => ({ database: "crm_prod", schema: "sales", name }));
    for (const source of ["crm", "My Source", "..", ".okf"]) {
      const plan = planConceptPaths(source, refs);
      for (const { path } of plan.values()) expect(isConceptPathOf(source, path), path).toBe(true);
    }
  });

  it.each([
    ["../../x.md", "leaves the bundle"],
    ["/etc/x.md", "absolute"],
    ["crm/../../x.md", "a .. segment"],
    ["crm/./x.md", "a . segment"],
    ["knowledge/../../x.md", "another first folder"],
    ["orders/x.md", "another source's folder"],
    ["crm/.okf/x.md", "a hidden folder"],
    ["crm/x.json", "not markdown"],
    ["crm/index.md", "an index"],
    ["crm/db/INDEX.md", "an index in another case"],
    ["crm/Log.md", "the log in another case"],
    ["crm", "no file"],
    ["crm//x.md", "an empty segment"],
    ["crm/x\\..\\y.md", "a backslash"],
    ["crm/x\u0000.md", "a NUL byte"],
    ["crm/x.md/", "a trailing slash"],
  ])("refuses %s (%s)", (path) => {
    expect(isConceptPathOf("crm", path)).toBe(false);
  });
});
