import { describe, expect, it } from "vitest";
import { readTableColumn, tableCell } from "../../src/knowledge-file/markdown-table.js";

describe("markdown table cells", () => {
  it("round-trips pipes, backslashes and line breaks through a cell", () => {
    const value = "a | b \\ c";
    const table = `| Column | Description |\n|---|---|\n| x | ${tableCell(value)} |\n| y | |\n`;
    const cells = readTableColumn(table, "Description");
    expect(cells.get("x")).toBe(value);
    expect(cells.get("y")).toBe("");
    expect(tableCell("two\nlines")).toBe("two lines");
  });

  it("reads the named column of the first matching table and unwraps code spans", () => {
    const text =
      "| A | B |\n|---|---|\n| 1 | 2 |\n\n| Field | Decision |\n|---|---|\n| `email` | confirmed |\n";
    expect([...readTableColumn(text, "Decision")]).toEqual([["email", "confirmed"]]);
  });
});

describe("path cells", () => {
  it("shows a collapsed map key as text, and reads the row back under its real path", async () => {
    const { pathCell } = await import("../../src/knowledge-file/markdown-table.js");
    const cell = pathCell("tier_and_details.<key>.tier");
    expect(cell).toBe("tier_and_details.&lt;key&gt;.tier");
    const table = `| Field | Decision |\n|---|---|\n| ${cell} | rejected |\n`;
    expect(readTableColumn(table, "Decision").get("tier_and_details.<key>.tier")).toBe("rejected");
  });
});
