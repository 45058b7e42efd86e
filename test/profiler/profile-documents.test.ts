import { describe, expect, it } from "vitest";
import { field, mongoDocuments, profileOf } from "./records.js";

describe("profileDataset over nested documents", () => {
  it("turns nested objects and arrays into paths", async () => {
    const orders = [
      {
        order: 1,
        lines: [
          { sku: "A-1", qty: 2 },
          { sku: "B-2", qty: 1 },
        ],
        tags: ["gift"],
      },
      { order: 2, lines: [{ sku: "A-1", qty: null }], tags: [] },
      { order: 3, lines: [{ qty: null }], customer: { address: { city: "Lyon" } } },
      { order: 4, customer: { address: null } },
    ];
    const { profile } = await profileOf(orders);
    expect(profile.fields.map((f) => f.path)).toEqual([
      "order",
      "lines",
      "lines[]",
      "lines[].sku",
      "lines[].qty",
      "tags",
      "tags[]",
      "customer",
      "customer.address",
      "customer.address.city",
    ]);
    expect(field(profile, "lines")).toMatchObject({ present: 3, types: { array: 3 } });
    // Values count elements; presence and nulls count records.
    expect(field(profile, "lines[].sku")).toMatchObject({
      present: 2,
      nulls: 0,
      distinct: 2,
      types: { string: 3 },
    });
    expect(field(profile, "lines[].qty")).toMatchObject({
      present: 3,
      nulls: 2,
      types: { integer: 2 },
    });
    expect(field(profile, "tags[]")).toMatchObject({ present: 1, types: { string: 1 } });
    expect(field(profile, "customer.address")).toMatchObject({
      present: 2,
      nulls: 1,
      types: { object: 1 },
    });
    expect(field(profile, "customer.address.city")).toMatchObject({ present: 1, sampled: 4 });
  });

  it("profiles MongoDB theaters: nested address, GeoJSON coordinates", async () => {
    const theaters = mongoDocuments("sample_mflix_theaters", 300);
    const { profile, samples } = await profileOf(theaters);
    expect(profile.sampled).toBe(300);
    expect(field(profile, "_id")).toMatchObject({ distinct: 300, types: { string: 300 } });
    expect(field(profile, "theaterId").types).toEqual({ integer: 300 });
    expect(field(profile, "location.address.state").values).toBeUndefined(); // many states
    expect(field(profile, "location.geo.type").values).toEqual(["Point"]);
    const coordinates = field(profile, "location.geo.coordinates[]");
    expect(coordinates.types).toEqual({ number: 600 });
    expect(Number(coordinates.min)).toBeLessThan(-60);
    // Two ZIP+4 codes (28786-6875) have no shape.
    expect(field(profile, "location.address.zipcode").shapes).toEqual({ numeric_string: 298 });
    expect(samples.get("location.address.city")).toHaveLength(200);
  });

  it("profiles MongoDB customers, their id-keyed tier_and_details within the path limit", async () => {
    const customers = mongoDocuments("sample_analytics_customers");
    const { profile, samples } = await profileOf(customers);
    expect(profile.sampled).toBe(500);
    expect(profile.pathLimit).toBeUndefined();
    expect(profile.fields).toHaveLength(16);
    expect(field(profile, "email").shapes).toEqual({ email: 500 });
    expect(field(profile, "birthdate").types).toEqual({ date: 500 });
    expect(field(profile, "birthdate").min).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(field(profile, "accounts[]").types.integer).toBeGreaterThan(500);
    // One customer in 500 has `active`: present but far too rare for a list of values.
    expect(field(profile, "active")).toMatchObject({ present: 1, types: { boolean: 1 } });
    expect(field(profile, "active").values).toBeUndefined();
    expect(samples.size).toBeLessThanOrEqual(500);
    for (const values of samples.values()) expect(values.length).toBeLessThanOrEqual(200);
  });

  it("keeps the users' password hashes and emails out of every rendered figure", async () => {
    const { profile, samples } = await profileOf(mongoDocuments("sample_mflix_users"));
    const password = field(profile, "password");
    expect(password.values).toBeUndefined();
    expect(password.min).toBeUndefined();
    expect([password.minLength, password.maxLength]).toEqual([6, 60]);
    // The classifier needs the values: they are in the samples, which are never rendered.
    expect(samples.get("password")?.[0]).toMatch(/^\$2b\$12\$/);
  });
});
