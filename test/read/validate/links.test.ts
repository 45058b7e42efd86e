import { describe, expect, it } from "vitest";
import { resolveTarget } from "../../../src/read/validate/rules/links.js";
import { concept, places, validate } from "./fixture-bundle.js";

describe("governance/broken-link", () => {
  it("resolves relative links from the file's folder and bundle-root links from the root", async () => {
    const body = [
      "# a", // 4
      "[territory](territory.md) and [invoice](../finance/invoice.md#columns)", // 5
      "[root](/finance/invoice.md) [folder](../finance/) [encoded](my%20file.md) [query](territory.md?x=1)", // 6
      '![diagram](img/diagram.png) [titled](territory.md "Territory") [angle](<my file.md>)', // 7
      "[web](https://example.com/x.md) [mail](mailto:a@example.com) [anchor](#schema) [arn](arn:aws:x)", // 8
      "`[code](missing-in-code.md)` and [^note]", // 9
      "```", // 10
      "[fenced](missing-in-fence.md)", // 11
      "```", // 12
      "[^note]: a footnote, not a link", // 13
      "[ref]: territory.md", // 14
    ].join("\n");
    const report = await validate({
      "crm/a.md": concept([], body),
      "crm/territory.md": concept([]),
      "crm/my file.md": concept([]),
      "crm/img/diagram.png": "png",
      "finance/invoice.md": concept([]),
    });
    expect(report.findings).toEqual([]);
  });

  it("reports each broken target on its line, with a suggestion when the name exists elsewhere", async () => {
    const body = [
      "# a", // 4
      "See [invoice](invoice.md).", // 5
      "| x | [gone](../gone.md) |", // 6
      "[ref]: /nowhere/x.md", // 7
    ].join("\n");
    const report = await validate({
      "crm/a.md": concept([], body),
      "finance/invoice.md": concept([]),
      "index.md": "# Bundle\n\n* [missing](crm/missing.md) - gone\n",
      "log.md": "# Log\n\n## 2026-11-27\n- removed [old](crm/old.md)\n",
    });
    expect(places(report)).toEqual([
      "crm/a.md:5 governance/broken-link",
      "crm/a.md:6 governance/broken-link",
      "crm/a.md:7 governance/broken-link",
      "index.md:3 governance/broken-link",
    ]);
    const [invoice, gone] = report.findings;
    expect(invoice?.message).toBe(
      'link "invoice.md" points to crm/invoice.md, which does not exist',
    );
    expect(invoice?.hint).toContain('Did you mean "../finance/invoice.md"?');
    expect(gone?.message).toContain("points to gone.md");
    expect(invoice?.severity).toBe("warning");
  });

  it("maps link targets to bundle paths", () => {
    expect(resolveTarget("a/b/c.md", "../d.md#x")).toBe("a/d.md");
    expect(resolveTarget("a/b/c.md", "/e/f.md")).toBe("e/f.md");
    expect(resolveTarget("a/c.md", "./")).toBe("a");
    expect(resolveTarget("c.md", "../../outside.md")).toBe("../../outside.md");
    expect(resolveTarget("c.md", "HTTPS://x")).toBeUndefined();
    expect(resolveTarget("c.md", "#top")).toBeUndefined();
    expect(resolveTarget("c.md", "//cdn.example.com/x")).toBeUndefined();
  });
});
