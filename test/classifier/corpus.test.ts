import { beforeAll, describe, expect, it } from "vitest";
import { loadCorpus, type CorpusDataset } from "../../bench/classifier-corpus.js";
import { mistakes, scoreCorpus, targets } from "../../bench/classifier-scores.js";

let corpus: CorpusDataset[];
let sampled: CorpusDataset[];

beforeAll(async () => {
  corpus = await loadCorpus();
  sampled = corpus.filter((entry) => entry.group === "sampled");
});

describe("the labelled corpus", () => {
  it("covers every column of chinook's customer, employee and invoice and the MongoDB samples", () => {
    const fieldsOf = (name: string) =>
      [...(sampled.find((entry) => entry.dataset.ref.name === name)?.labels.keys() ?? [])].length;
    expect(fieldsOf("customer")).toBe(13);
    expect(fieldsOf("employee")).toBe(15);
    expect(fieldsOf("invoice")).toBe(9);
    for (const name of ["customers", "accounts", "users", "theaters"]) {
      expect(fieldsOf(name), name).toBeGreaterThan(0);
    }
    // Values come from the test data sets (Chinook rows, generated collections), not the fixture.
    const chinookEmails = sampled.find((entry) => entry.dataset.ref.name === "customer")?.samples;
    expect(chinookEmails?.get("email")).toHaveLength(59);
  });

  it(`meets the targets with sampled values: recall ≥ ${String(targets.recall)}, precision ≥ ${String(targets.precision)}`, () => {
    const scores = scoreCorpus(sampled, true);
    const report = mistakes(scores).map((o) => `${o.field}: ${o.label} → ${o.predicted.join(",")}`);
    expect(scores.sensitiveFields).toBeGreaterThanOrEqual(50);
    expect(scores.categoryRecall, report.join("\n")).toBeGreaterThanOrEqual(targets.recall);
    expect(scores.categoryPrecision, report.join("\n")).toBeGreaterThanOrEqual(targets.precision);
    expect(scores.detectionRecall).toBeGreaterThanOrEqual(targets.recall);
    expect(scores.detectionPrecision).toBeGreaterThanOrEqual(targets.precision);
  });

  it("meets the targets on the held-out public schemas from names and types alone", () => {
    const scores = scoreCorpus(
      corpus.filter((entry) => entry.group === "held_out_names"),
      true,
    );
    expect(scores.sensitiveFields).toBeGreaterThanOrEqual(40);
    expect(scores.detectionRecall).toBeGreaterThanOrEqual(targets.recall);
    expect(scores.detectionPrecision).toBeGreaterThanOrEqual(targets.precision);
  });

  it("never puts a sampled value in evidence", () => {
    const { classified } = scoreCorpus(sampled, true);
    let checked = 0;
    sampled.forEach((entry, index) => {
      const evidence = (classified[index]?.findings ?? []).flatMap((finding) => finding.evidence);
      for (const [path, values] of entry.samples) {
        if (entry.labels.get(path) === null) continue;
        for (const value of new Set(values)) {
          if (value.trim().length < 3 || /^\d{1,4}$/.test(value)) continue;
          checked++;
          const leaking = evidence.find((line) => line.includes(value));
          expect(leaking, `${entry.dataset.ref.name}.${path}`).toBeUndefined();
        }
      }
    });
    expect(checked).toBeGreaterThan(3000);
  });

  it("leaves no valid-value list, min or max on any field it reports", () => {
    const { classified } = scoreCorpus(sampled, true);
    let reported = 0;
    for (const dataset of classified) {
      for (const finding of dataset.findings) {
        const profile = dataset.profile?.fields.find((field) => field.path === finding.path);
        expect(profile, finding.path).toBeDefined();
        expect([profile?.values, profile?.min, profile?.max]).toEqual([
          undefined,
          undefined,
          undefined,
        ]);
        reported++;
      }
    }
    expect(reported).toBeGreaterThanOrEqual(50);
  });
});
