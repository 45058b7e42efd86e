import { describe, expect, it } from "vitest";
import { SourceError } from "../../src/errors.js";
import type { RecordSample } from "../../src/model/index.js";
import { profileDataset } from "../../src/profiler/profile-dataset.js";
import { datasetWithSample, field, mongoDocuments, profileOf } from "./records.js";

const options = { sampleRows: 10_000 };

const statuses = ["active", "closed", "pending"];
const accounts = Array.from({ length: 60 }, (_, index) => ({
  id: index + 1,
  email: index % 10 === 9 ? null : `person${String(index)}@example.com`,
  status: statuses[index % 3],
  score: index % 2 === 0 ? index + 0.25 : index,
  opened: new Date(Date.UTC(2024, 0, 1 + index)),
  ...(index % 4 === 0 ? {} : { note: `free text number ${String(index)} that goes on` }),
}));

describe("profileDataset over flat records", () => {
  it("counts presence, nulls, distinct values, types, lengths and shapes per field", async () => {
    const { profile } = await profileOf(accounts);
    expect(profile.sampling).toEqual({ status: "read", method: "all records (test)" });
    expect(profile.sampled).toBe(60);
    expect(profile.fields.map((f) => f.path)).toEqual([
      "id",
      "email",
      "status",
      "score",
      "opened",
      "note",
    ]);
    expect(field(profile, "email")).toEqual({
      path: "email",
      sampled: 60,
      present: 60,
      nulls: 6,
      distinct: 54,
      types: { string: 54 },
      shapes: { email: 54 },
      minLength: 19,
      maxLength: 20,
    });
    const note = field(profile, "note");
    expect([note.present, note.nulls, note.distinct]).toEqual([45, 0, 45]);
  });

  it("gives ranges for numbers and dates, as display strings", async () => {
    const { profile } = await profileOf(accounts);
    expect(field(profile, "id")).toMatchObject({ types: { integer: 60 }, min: "1", max: "60" });
    // Whole values among fractional ones are numbers, not a second type.
    expect(field(profile, "score")).toMatchObject({
      types: { number: 60 },
      min: "0.25",
      max: "59",
    });
    expect(field(profile, "opened")).toMatchObject({
      types: { date: 60 },
      min: "2024-01-01",
      max: "2024-02-29",
    });
    expect(field(profile, "email").min).toBeUndefined();
  });

  it("lists the valid values of low-cardinality fields only", async () => {
    const { profile } = await profileOf(accounts);
    expect(field(profile, "status").values).toEqual(["active", "closed", "pending"]);
    for (const path of ["id", "email", "score", "opened", "note"]) {
      expect(field(profile, path).values, path).toBeUndefined();
    }
  });

  it("does not list values from a sample too small to mean anything", async () => {
    const { profile } = await profileOf(accounts.slice(0, 6));
    expect(field(profile, "status").values).toBeUndefined();
    const twelve = await profileOf(accounts.slice(0, 12));
    expect(field(twelve.profile, "status").values).toEqual(statuses);
  });

  it("never lists prose: long, wordy, multi-line or JSON values", async () => {
    const records = Array.from({ length: 40 }, (_, index) => ({
      prose: index % 2 === 0 ? "first line\nsecond line" : "short",
      label: index % 2 === 0 ? `${"category".repeat(5)}end` : "b",
      wordy: index % 2 === 0 ? "call back after the weekend" : "ok",
      json: index % 2 === 0 ? '{"tier":"gold"}' : "none",
      status: index % 2 === 0 ? "in progress" : "closed_won",
      flag: index % 3 === 0,
      size: [3, 1, 2][index % 3],
    }));
    const { profile } = await profileOf(records);
    for (const path of ["prose", "label", "wordy", "json"]) {
      expect(field(profile, path).values, path).toBeUndefined();
    }
    expect(field(profile, "status").values).toEqual(["closed_won", "in progress"]);
    expect(field(profile, "flag").values).toEqual(["false", "true"]);
    expect(field(profile, "size").values).toEqual(["1", "2", "3"]);
  });

  it("reads date ranges from ISO strings, and gives no range to a mixed field", async () => {
    const records = [
      { when: "2024-03-01T10:00:00Z", mixed: 5, big: 9_007_199_254_740_993n },
      { when: "2023-12-31T23:00:00-02:00", mixed: "five", big: 2n },
      { when: "2024-01-01", mixed: 7, big: 10 },
    ];
    const { profile } = await profileOf(records);
    expect(field(profile, "when")).toMatchObject({
      types: { string: 3 },
      min: "2024-01-01",
      max: "2024-03-01T10:00:00Z",
      shapes: { iso_date: 1, iso_datetime: 2 },
    });
    expect(field(profile, "mixed")).toMatchObject({ types: { string: 1, integer: 2 } });
    expect(field(profile, "mixed").min).toBeUndefined();
    expect(field(profile, "big")).toMatchObject({ min: "2", max: "9007199254740993" });
  });

  it("shows date-times with their time when not every value is a whole day", async () => {
    const { profile } = await profileOf([
      { at: new Date("2024-01-01T00:00:00Z") },
      { at: new Date("2024-01-02T12:30:00.250Z") },
    ]);
    expect(field(profile, "at")).toMatchObject({
      min: "2024-01-01T00:00:00Z",
      max: "2024-01-02T12:30:00.250Z",
    });
  });

  it("profiles binary values by type only, and samples only scalars", async () => {
    const records = Array.from({ length: 20 }, (_, index) => ({
      blob: Buffer.from([index % 2, 1, 2]),
      id: index,
    }));
    const { profile, samples } = await profileOf(records);
    expect(field(profile, "blob")).toEqual({
      path: "blob",
      sampled: 20,
      present: 20,
      nulls: 0,
      distinct: 2,
      types: { binary: 20 },
      shapes: {},
    });
    expect(samples.has("blob")).toBe(false);
    expect(samples.get("id")?.slice(0, 3)).toEqual(["0", "1", "2"]);
  });
});
describe("profileDataset bounds and determinism", () => {
  it("reads at most sampleRows records", async () => {
    const records = Array.from({ length: 100 }, (_, index) => ({ index }));
    const sample = datasetWithSample(records);
    const result = await profileDataset(sample.dataset, sample.sample, { sampleRows: 25 });
    expect(sample.pulled()).toBe(25);
    expect(result.dataset.profile?.sampled).toBe(25);
    expect(result.dataset.profile?.fields[0]?.max).toBe("24");
  });

  it("profiles the first 50 elements of an array and cuts long sampled strings", async () => {
    const { profile, samples } = await profileOf([
      { numbers: Array.from({ length: 80 }, (_, index) => index), text: "x".repeat(5_000) },
    ]);
    expect(field(profile, "numbers[]")).toMatchObject({ types: { integer: 50 }, max: "49" });
    expect(field(profile, "text").maxLength).toBe(5_000);
    expect(samples.get("text")?.[0]).toHaveLength(1_000);
  });

  it("gives identical profiles for the same records", async () => {
    const customers = mongoDocuments("sample_analytics_customers", 200);
    const first = await profileOf(customers);
    const second = await profileOf(mongoDocuments("sample_analytics_customers", 200));
    expect(JSON.stringify(second.profile)).toBe(JSON.stringify(first.profile));
    expect([...second.samples]).toEqual([...first.samples]);
  });

  it("profiles nothing without a sample (--no-profile, or a source that cannot sample)", async () => {
    const sample = datasetWithSample([{ a: 1 }]);
    const none = await profileDataset(sample.dataset, undefined, options);
    expect(none.dataset.profile).toBeUndefined();
    expect(none.dataset.findings).toEqual([]);
    expect(none.samples.size).toBe(0);
    expect(sample.pulled()).toBe(0);
  });

  it("drops the records of a sample that ends up not read, and says why", async () => {
    const sample = datasetWithSample([{ a: 1 }, { a: 2 }], {
      status: "not_read",
      reason: "a view over its cost bound",
    });
    const result = await profileDataset(sample.dataset, sample.sample, options);
    expect(result.dataset.profile).toEqual({
      sampling: { status: "not_read", reason: "a view over its cost bound" },
      sampled: 0,
      fields: [],
    });
    expect(result.samples.size).toBe(0);
  });

  it("makes the sample unobserved when it failed part-way, dropping its records", async () => {
    const sample = datasetWithSample([{ a: 1 }, { a: 2 }], {
      status: "failed",
      reason: "statement timeout",
    });
    const result = await profileDataset(sample.dataset, sample.sample, options);
    expect(result.dataset.profile).toBeUndefined();
    expect(result.dataset.unobserved).toEqual([{ part: "sample", reason: "statement timeout" }]);
    expect(result.samples.size).toBe(0);
  });

  it("marks the profile complete only when the sampler read every record, under the cap", async () => {
    const { dataset } = datasetWithSample([]);
    const sampled = (complete: boolean): RecordSample => ({
      outcome: () => ({ status: "read", method: "a read capped at 3 rows", complete }),
      async *[Symbol.asyncIterator]() {
        await Promise.resolve();
        yield* [{ n: 1 }, { n: 2 }];
      },
    });
    const whole = await profileDataset(dataset, sampled(true), options);
    expect(whole.dataset.profile?.complete).toBe(true);
    const partial = await profileDataset(dataset, sampled(false), options);
    expect(partial.dataset.profile).not.toHaveProperty("complete");
    // The profiler stopped at its own cap: what the sampler would have read next is unknown.
    const capped = await profileDataset(dataset, sampled(true), { ...options, sampleRows: 2 });
    expect(capped.dataset.profile).not.toHaveProperty("complete");
  });

  it("turns a typed error from a sampler into a skipped profile, and lets bugs through", async () => {
    const { dataset } = datasetWithSample([]);
    const failing = (error: Error): RecordSample => ({
      outcome: () => ({ status: "read", method: "never", complete: false }),
      // eslint-disable-next-line require-yield
      async *[Symbol.asyncIterator]() {
        await Promise.resolve();
        throw error;
      },
    });
    const skipped = await profileDataset(
      dataset,
      failing(new SourceError("the scan was throttled")),
      options,
    );
    expect(skipped.dataset.profile?.sampling).toEqual({
      status: "not_read",
      reason: "the scan was throttled",
    });
    await expect(profileDataset(dataset, failing(new TypeError("bug")), options)).rejects.toThrow(
      "bug",
    );
  });
});
