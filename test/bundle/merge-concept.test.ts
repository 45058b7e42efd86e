import { describe, expect, it } from "vitest";
import { parseKnowledgeFile, frontmatterValues } from "../../src/knowledge-file/knowledge-file.js";
import { deprecateConcept } from "../../src/bundle/approval-transitions.js";
import { mergeConcept, type ConceptMergeInput } from "../../src/bundle/merge-concept.js";
import { readPersonEdits } from "../../src/bundle/person-edits.js";
import type { ConceptState } from "../../src/bundle/source-state.js";
import { KnowledgeFileError } from "../../src/errors.js";
import type { GeneratedConcept } from "../../src/knowledge-file/generated-concept.js";
import type { EnrichedDataset } from "../../src/model/index.js";
import { renderConcept } from "../../src/render/render-concept.js";
import { loadTemplates } from "../../src/render/templates.js";
import { sampleAccount, sampleRenderInput } from "../helpers/sample-dataset.js";

const templates = loadTemplates();

function field(dataset: EnrichedDataset, index: number) {
  const found = dataset.fields[index];
  if (!found) throw new Error(`sample has no field ${String(index)}`);
  return found;
}

/** The write path's stages as the pipeline runs them: read the person's edits, render, merge. */
function merge(
  dataset: EnrichedDataset,
  existingText?: string,
  previous?: ConceptState,
  now = "2026-11-27T02:00:00Z",
) {
  const base = sampleRenderInput(dataset);
  const edits = readPersonEdits(existingText, base.path, dataset, previous);
  const { descriptions, decisions } = edits;
  const generated = renderConcept({ ...base, descriptions, decisions }, templates);
  const input: ConceptMergeInput = {
    dataset,
    path: base.path,
    edits,
    generated,
    previous,
    fieldWord: base.source.vocabulary.fieldWord,
    now,
    generator: "okf/test",
    initial: { domain: "sales", steward: "data-platform-team", environment: "production" },
  };
  return mergeConcept(input);
}

/** A low-confidence finding by name, with an empty Decision cell. */
const nameFinding = {
  path: "segment",
  category: "pii.test",
  confidence: "low" as const,
  evidence: ["name matches"],
};

const values = (text: string) => frontmatterValues(parseKnowledgeFile(text, "x.md").frontmatter);

describe("mergeConcept", () => {
  it("creates a draft with machine keys, human defaults and the human sections", () => {
    const result = merge(sampleAccount());
    expect(result.action).toBe("created");
    const fm = values(result.text);
    expect(fm).toMatchObject({
      type: "PostgreSQL Table",
      title: "customer_account",
      id: "sales.crm.customer_account",
      approval_status: "draft",
      status: "draft",
      steward: "data-platform-team",
      pii: false,
      generated: { by: "okf/test", at: "2026-11-27T02:00:00Z" },
    });
    expect(result.text).toContain('at: "2026-11-27T02:00:00Z"');
    expect(result.text).toContain("## Business Meaning");
  });

  it("is byte-identical when nothing changed, whatever the clock says", () => {
    const first = merge(sampleAccount());
    const second = merge(sampleAccount(), first.text, first.state, "2026-11-28T02:00:00Z");
    expect(second.action).toBe("unchanged");
    expect(second.text).toBe(first.text);
  });

  it("keeps human text, human keys, unknown keys and an edited description cell", () => {
    const first = merge(sampleAccount());
    const edited = first.text
      .replace("steward: data-platform-team", 'steward: maria\nteam_channel: "#crm"')
      .replace(/_Owner to write: what one row[^\n]*/, "One row per paying customer.")
      .replace("| Commercial segment |", "| Segment as sold by the account team |")
      .replace(
        "description: Customer accounts synchronised from Salesforce.",
        "description: The account master.",
      );
    const changed = sampleAccount({ comment: "Accounts from Salesforce (v2)." });
    changed.fields[1] = { ...field(changed, 1), comment: "Segment (new comment)" };
    const second = merge(changed, edited, first.state, "2026-11-28T02:00:00Z");
    expect(second.text).toContain("One row per paying customer.");
    expect(second.text).toContain("| Segment as sold by the account team |");
    expect(second.text).toContain("Accounts from Salesforce (v2).");
    const fm = values(second.text);
    expect(fm).toMatchObject({
      steward: "maria",
      team_channel: "#crm",
      description: "The account master.",
    });
    expect(second.notes.join("\n")).toMatch(/segment kept as edited/);
    expect(second.notes.join("\n")).toMatch(/description kept as edited/);
  });

  it("takes a new comment when the cell was not edited, and keeps people's tags", () => {
    const first = merge(sampleAccount());
    const withTag = first.text.replace("tags: [sales, crm]", "tags: [sales, crm, revenue]");
    const changed = sampleAccount();
    changed.fields[1] = { ...field(changed, 1), comment: "Segment, renamed" };
    const second = merge(changed, withTag, first.state);
    expect(second.text).toContain("| Segment, renamed |");
    expect(values(second.text).tags).toEqual(["sales", "crm", "revenue"]);
  });

  it("moves an approved file to needs_review when its facts change, and logs what changed", () => {
    const first = merge(sampleAccount());
    const approved = first.text
      .replace("approval_status: draft", "approval_status: approved")
      .replace("status: draft", "status: stable");
    const unchanged = merge(sampleAccount(), approved, first.state);
    expect(values(unchanged.text).approval_status).toBe("approved");
    const changed = sampleAccount();
    changed.fields.push({
      name: "region",
      path: "region",
      position: 5,
      type: "text",
      nullable: true,
    });
    changed.fields[2] = { ...field(changed, 2), type: "text" };
    const second = merge(changed, approved, first.state);
    expect(values(second.text)).toMatchObject({ approval_status: "needs_review", status: "draft" });
    expect(second.details).toEqual(
      expect.arrayContaining([
        "+ column region",
        "lifecycle_stage: sales.lifecycle not null → text not null",
      ]),
    );
  });

  it("splices the generated content it is given into the person's file, rendering nothing", () => {
    const first = merge(sampleAccount());
    const edited = first.text.replace(
      /_Owner to write: what one row[^\n]*/,
      "One row per paying customer.",
    );
    const dataset = sampleAccount();
    const edits = readPersonEdits(edited, "x.md", dataset, first.state);
    const generated: GeneratedConcept = {
      regions: [{ name: "summary", content: "## Summary\nWritten by hand for this test." }],
      order: ["summary"],
      newBody: "never used for a file that exists",
      humanSections: [],
      machineFrontmatter: { title: "customer_account", pii: false },
      description: first.state.description,
      tags: first.state.tags,
    };
    const result = mergeConcept({
      dataset,
      path: "x.md",
      edits,
      generated,
      previous: first.state,
      fieldWord: "column",
      now: "2026-11-28T02:00:00Z",
      generator: "okf/test",
      initial: {},
    });
    expect(result.action).toBe("changed");
    expect(result.text).toContain(
      "<!-- okf:begin summary -->\n## Summary\nWritten by hand for this test.\n<!-- okf:end summary -->",
    );
    expect(result.text).toContain("One row per paying customer.");
    // Regions this run did not generate leave the file; the person's text stays.
    expect(result.text).not.toContain("<!-- okf:begin schema -->");
    expect(result.text).not.toContain("never used");
  });

  it("refuses a file with broken YAML or markers", () => {
    const first = merge(sampleAccount());
    expect(() =>
      merge(
        sampleAccount(),
        first.text.replace("title: customer_account", "title: [broken"),
        first.state,
      ),
    ).toThrow(KnowledgeFileError);
    expect(() =>
      merge(sampleAccount(), first.text.replace("<!-- okf:end schema -->", ""), first.state),
    ).toThrow(KnowledgeFileError);
  });

  it("keeps a person's Decision cell and lets a rejection turn pii off", () => {
    const withFinding = sampleAccount({ findings: [nameFinding] });
    const first = merge(withFinding);
    expect(values(first.text).pii).toBe(true);
    const rejected = first.text.replace("| name matches | |", "| name matches | rejected |");
    const second = merge(withFinding, rejected, first.state);
    expect(second.text).toContain("| segment | pii.test | low | name matches | rejected |");
    expect(values(second.text).pii).toBe(false);
    expect(second.details).toContain("pii: true → false");
  });

  it("does not rewrite a file for a person's Description or Decision edit alone", () => {
    const withFinding = sampleAccount({ findings: [nameFinding] });
    const first = merge(withFinding);
    const edited = first.text
      .replace("| Commercial segment |", "| Segment as sold by the account team |")
      .replace("| name matches | |", "| name matches | confirmed |");
    const second = merge(withFinding, edited, first.state, "2026-11-28T02:00:00Z");
    expect(second.action).toBe("unchanged");
    expect(second.text).toBe(edited);
  });

  it("adds a Prohibited Use section once when a file turns pii, and fills classification only when absent", () => {
    const first = merge(sampleAccount());
    expect(first.text).not.toContain("## Prohibited Use");
    const finding = {
      path: "segment",
      category: "pii.test",
      confidence: "high" as const,
      evidence: ["values match"],
    };
    const sensitive = sampleAccount({
      findings: [finding],
      suggestedClassification: "confidential",
    });
    const second = merge(sensitive, first.text, first.state);
    expect(second.text.match(/## Prohibited Use/g)).toHaveLength(1);
    expect(second.text.indexOf("## Prohibited Use")).toBeLessThan(
      second.text.indexOf("<!-- okf:begin schema -->"),
    );
    expect(second.notes.join()).toMatch(/Prohibited Use section was added/);
    expect(values(second.text).classification).toBe("confidential");
    const third = merge(
      { ...sensitive, suggestedClassification: "restricted" },
      second.text.replace("classification: confidential", "classification: internal"),
      second.state,
    );
    expect(third.text.match(/## Prohibited Use/g)).toHaveLength(1);
    expect(values(third.text).classification).toBe("internal");
  });

  it("reports findings without a row yet, and from which status a file moved to needs_review", () => {
    const withFinding = sampleAccount({ findings: [nameFinding] });
    const first = merge(withFinding);
    expect(first.newFindings).toEqual([{ path: "segment", category: "pii.test" }]);
    expect(merge(withFinding, first.text, first.state).newFindings).toEqual([]);

    const approved = first.text.replace("approval_status: draft", "approval_status: approved");
    const fewer = { ...withFinding, fields: withFinding.fields.slice(0, -1) };
    const drifted = merge(fewer, approved, first.state);
    expect(drifted.movedToReview).toBe(true);
    expect(drifted.details).toContain("approval_status: approved → needs_review");

    // Extract deprecated it when the object was gone: back in the source, it needs review.
    const gone = { ...first.state, deprecatedBy: "extract" as const };
    const back = merge(withFinding, deprecateConcept(first.text, "x.md"), gone);
    expect(values(back.text).approval_status).toBe("needs_review");
    expect(back.movedToReview).toBe(false);
    expect(back.details).toContain("approval_status: deprecated → needs_review");
    expect(back.state.deprecatedBy).toBeUndefined();

    // A person deprecated it while the object exists: that stands, and the state says so.
    const retired = merge(fewer, deprecateConcept(first.text, "x.md"), first.state);
    expect(values(retired.text).approval_status).toBe("deprecated");
    expect(retired.details).not.toContain("approval_status: deprecated → needs_review");
    expect(retired.state.deprecatedBy).toBe("person");
    const again = merge(fewer, retired.text, retired.state);
    expect(values(again.text).approval_status).toBe("deprecated");
    expect(again.action).toBe("unchanged");
  });

  it("deprecates a concept once", () => {
    const first = merge(sampleAccount());
    const deprecated = deprecateConcept(first.text, "x.md");
    expect(deprecated).toBeDefined();
    expect(values(deprecated ?? "")).toMatchObject({
      approval_status: "deprecated",
      status: "deprecated",
    });
    expect(deprecateConcept(deprecated ?? "", "x.md")).toBeUndefined();
  });
});
