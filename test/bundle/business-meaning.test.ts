import { describe, expect, it } from "vitest";
import { businessMeaningSentence } from "../../src/bundle/business-meaning.js";

const body = (meaning: string) =>
  `# account\n\n<!-- okf:begin summary -->\nTable sales.account.\n<!-- okf:end summary -->\n\n## Business Meaning\n${meaning}\n\n## Caveats\nNone known. Really.\n`;

describe("the first sentence of a person's Business Meaning", () => {
  it("is the first sentence of the section's first paragraph, whitespace collapsed", () => {
    expect(
      businessMeaningSentence(
        body("One row per customer account,\nas billing knows it. Closed ones stay."),
      ),
    ).toBe("One row per customer account, as billing knows it.");
    expect(businessMeaningSentence(body("Accounts, e.g. resellers. More."))).toBe(
      "Accounts, e.g. resellers.",
    );
    expect(businessMeaningSentence(body("No full stop at all"))).toBe("No full stop at all");
    expect(businessMeaningSentence(body("- Listed: one row per account. Second."))).toBe(
      "Listed: one row per account.",
    );
  });

  it("skips sub-headings, tables, HTML and code before the prose", () => {
    const meaning = [
      "### In short",
      "<!-- written by finance -->",
      "| a | b |",
      "| - | - |",
      "```sql",
      "SELECT 1. Not this.",
      "```",
      "",
      "The ledger of invoices. Each row is one invoice.",
    ].join("\n");
    expect(businessMeaningSentence(body(meaning))).toBe("The ledger of invoices.");
  });

  it("is none while the section is missing, empty or the placeholder", () => {
    expect(businessMeaningSentence(body("_Owner to write: what one row is._"))).toBeUndefined();
    expect(businessMeaningSentence(body(""))).toBeUndefined();
    expect(businessMeaningSentence("# account\n\n## Caveats\nNone. At all.\n")).toBeUndefined();
    // A heading of that name inside a generated region is not the person's section.
    expect(
      businessMeaningSentence(
        "# a\n\n<!-- okf:begin summary -->\n## Business Meaning\nGenerated.\n<!-- okf:end summary -->\n",
      ),
    ).toBeUndefined();
  });

  it("cuts a sentence longer than 200 characters at a word, with an ellipsis", () => {
    const long = `${"word ".repeat(60).trim()}.`;
    const sentence = businessMeaningSentence(body(long));
    expect(sentence?.endsWith("word…")).toBe(true);
    expect(sentence?.length).toBeLessThanOrEqual(201);
    expect(sentence?.length).toBeGreaterThan(190);
  });
});
