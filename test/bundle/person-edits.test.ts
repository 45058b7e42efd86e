import { describe, expect, it } from "vitest";
import { conceptStructure } from "../../src/bundle/concept-structure.js";
import { readPersonEdits } from "../../src/bundle/person-edits.js";
import type { ConceptState } from "../../src/bundle/source-state.js";
import { KnowledgeFileError } from "../../src/errors.js";
import { sampleAccount } from "../helpers/sample-dataset.js";

const path = "crm/crm_prod/sales/customer_account.md";

/** A concept file as a person left it: one Description edited, one blanked, one Decision. */
const edited = `---
title: customer_account
---
# customer_account

<!-- okf:begin schema -->
## Schema
| Column | Type | Description |
|---|---|---|
| \`account_id\` | uuid not null | Salesforce account id |
| \`segment\` | text | Segment as sold by the account team |
| \`lifecycle_stage\` | sales.lifecycle not null | |
| \`territory_id\` | integer | |
<!-- okf:end schema -->

<!-- okf:begin sensitive -->
## Sensitive Fields
| Field | Category | Confidence | Evidence | Decision |
|---|---|---|---|---|
| \`segment\` | pii.test | low | name matches | rejected |
<!-- okf:end sensitive -->
`;

/** The merge base: what the last run generated for each Description cell. */
function lastRun(cells: Record<string, string>): ConceptState {
  return {
    ref: sampleAccount().ref,
    structure: conceptStructure(sampleAccount()),
    fingerprint: "f",
    contentHash: "c",
    description: "",
    tags: [],
    cells,
  };
}

describe("readPersonEdits", () => {
  it("has nothing to read for a new file: every Description is the source comment", () => {
    const edits = readPersonEdits(undefined, path, sampleAccount(), undefined);
    expect(edits.file).toBeUndefined();
    expect(edits.regions).toEqual([]);
    expect(edits.decisions.size).toBe(0);
    expect(edits.descriptions.get("segment")).toBe("Commercial segment");
    expect(edits.generatedCells).toMatchObject({ account_id: "Salesforce account id" });
    expect(edits.notes).toEqual([]);
  });

  it("reads a person's Description and Decision cells, and keeps a blank cell as no edit", () => {
    const edits = readPersonEdits(edited, path, sampleAccount(), undefined);
    expect(edits.descriptions.get("segment")).toBe("Segment as sold by the account team");
    expect(edits.descriptions.get("account_id")).toBe("Salesforce account id");
    expect(edits.decisions).toEqual(new Map([["segment", "rejected"]]));
    expect(edits.regions.map((region) => region.name)).toEqual(["schema", "sensitive"]);
    // What the next run compares against is okf's own cell, never the person's edit.
    expect(edits.generatedCells.segment).toBe("Commercial segment");

    // Without a merge base a cell left blank is not taken as a person's edit.
    const blank = edited.replace("| Salesforce account id |", "| |");
    const fromBlank = readPersonEdits(blank, path, sampleAccount(), undefined);
    expect(fromBlank.descriptions.get("account_id")).toBe("Salesforce account id");
  });

  it("takes a new comment over a cell that still holds the last generated one", () => {
    const changed = sampleAccount();
    changed.fields = changed.fields.map((field) =>
      field.path === "account_id" ? { ...field, comment: "CRM account id" } : field,
    );
    const edits = readPersonEdits(
      edited,
      path,
      changed,
      lastRun({ account_id: "Salesforce account id", segment: "Commercial segment" }),
    );
    expect(edits.descriptions.get("account_id")).toBe("CRM account id");
    expect(edits.notes).toEqual([]);
  });

  it("keeps an edit when the source comment changed under it, and says so", () => {
    const changed = sampleAccount();
    changed.fields = changed.fields.map((field) =>
      field.path === "segment" ? { ...field, comment: "Segment (new comment)" } : field,
    );
    const edits = readPersonEdits(
      edited,
      path,
      changed,
      lastRun({ segment: "Commercial segment" }),
    );
    expect(edits.descriptions.get("segment")).toBe("Segment as sold by the account team");
    expect(edits.notes).toEqual([
      'description of segment kept as edited; the source comment is now "Segment (new comment)"',
    ]);
  });

  it("refuses a file with broken markers before anything is rendered", () => {
    const broken = edited.replace("<!-- okf:end schema -->", "");
    expect(() => readPersonEdits(broken, path, sampleAccount(), undefined)).toThrow(
      KnowledgeFileError,
    );
  });
});
