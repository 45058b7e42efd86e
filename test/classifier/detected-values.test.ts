import { describe, expect, it } from "vitest";
import { classifyDataset } from "../../src/classifier/classify-dataset.js";
import { profileDataset } from "../../src/profiler/profile-dataset.js";
import { plantedValues } from "../helpers/planted-values.js";
import { datasetWithSample } from "../profiler/records.js";

const planted = plantedValues();

async function classified(records: Record<string, unknown>[]) {
  const { dataset, sample } = datasetWithSample(records);
  const profiled = await profileDataset(dataset, sample, { sampleRows: 1_000 });
  return classifyDataset(profiled.dataset, profiled.samples, {});
}

describe("fields whose few distinct values trip a detector", () => {
  it("become findings with the detector's category and checkable evidence", async () => {
    const result = await classified(
      Array.from({ length: 30 }, (_, index) => ({
        remark: ["vip", `write to ${planted.email} please`, "none"][index % 3],
        code: [planted.card, "A1", "B2", "C3", "D4"][index % 5],
        label: [planted.accessKey, "standard"][index % 2],
        meta: [`{"contact":"${planted.jsonEmail}"}`, "{}"][index % 2],
        person: [planted.personName, "Ana Ruiz"][index % 2],
        segment: ["smb", "mid_market", "enterprise"][index % 3],
      })),
    );
    const summary = result.findings.map((f) => `${f.path} ${f.category} ${f.confidence}`);
    expect(summary).toEqual([
      "code pii.card medium",
      "label secret.token medium",
      "meta pii.email medium",
      "person pii.person_name high",
      "remark pii.email medium",
    ]);
    const remark = result.findings.find((finding) => finding.path === "remark");
    expect(remark?.evidence).toEqual(["1 of 3 distinct sampled values contain an email address"]);
    const profiles = result.profile?.fields ?? [];
    expect(profiles.find((f) => f.path === "segment")?.values).toEqual([
      "enterprise",
      "mid_market",
      "smb",
    ]);
    const printed = JSON.stringify(profiles.map(({ values, min, max }) => ({ values, min, max })));
    for (const value of Object.values(planted)) expect(printed).not.toContain(value);
  });

  it("takes values written like names for names only when most of them are", async () => {
    const names = ["Maria Lopez", "Jean-Luc de la Croix", "Ana Ruiz", "Tomas Berg"];
    const stages = ["Closed Won", "open", "lost", "negotiation"];
    const result = await classified(
      Array.from({ length: 40 }, (_, index) => ({
        handled_by: names[index % 4],
        stage: stages[index % 4],
      })),
    );
    expect(result.findings.map((f) => `${f.path} ${f.category} ${f.confidence}`)).toEqual([
      "handled_by pii.person_name medium",
    ]);
    expect(result.findings[0]?.evidence).toEqual([
      "4 of 4 distinct sampled values are written like a person's name",
    ]);
    // One name-shaped label among four codes is withheld from the list, and is no finding.
    const stage = result.profile?.fields.find((f) => f.path === "stage");
    expect(stage?.values).toBeUndefined();
  });

  it("does not take job titles and other title-case labels for names", async () => {
    const titles = ["Senior Engineer", "Staff", "Technique Leader", "Assistant Engineer"];
    const result = await classified(
      Array.from({ length: 40 }, (_, index) => ({ title: titles[index % 4] })),
    );
    expect(result.findings).toEqual([]);
    expect(result.profile?.fields.find((f) => f.path === "title")?.values).toEqual([
      "Assistant Engineer",
      "Senior Engineer",
      "Staff",
      "Technique Leader",
    ]);
  });
});
