import { describe, expect, it } from "vitest";
import { plantedValues } from "../helpers/planted-values.js";
import { field, profileOf } from "./records.js";

const planted = plantedValues();

/** 20 records cycling through `values` in each field: a handful of distinct values. */
function records(columns: Record<string, readonly unknown[]>): Record<string, unknown>[] {
  return Array.from({ length: 20 }, (_, index) =>
    Object.fromEntries(
      Object.entries(columns).map(([name, values]) => [name, values[index % values.length]]),
    ),
  );
}

describe("values the profiler would print", () => {
  it("counts empty strings apart from nulls and lists the empty string as one", async () => {
    const { profile } = await profileOf(
      records({ address2: ["", "", "", "Apt 4", null], status: ["", "active"] }),
    );
    expect(field(profile, "address2")).toMatchObject({ nulls: 4, empty: 12 });
    expect(field(profile, "status")).toMatchObject({ empty: 10, values: ["", "active"] });
    expect(field(profile, "address2").values).toEqual(["", "Apt 4"]);
  });

  it("never lists a value in which a detector finds something, and says which detector", async () => {
    const { profile } = await profileOf(
      records({
        remark: ["vip", `write to ${planted.email}`, "none"],
        code: [planted.card, "A1", "B2", "C3", "D4"],
        label: [planted.accessKey, "standard"],
        meta: [`{"contact":"${planted.jsonEmail}"}`, "{}"],
        entity: ["a", "b&#64;c.io", planted.email.replace("@", "&commat;")],
        number: [Number(planted.card), 1, 2],
      }),
    );
    const detected = (path: string) => field(profile, path).detected;
    for (const path of ["remark", "code", "label", "meta", "entity", "number"]) {
      expect(field(profile, path).values, path).toBeUndefined();
    }
    expect(detected("remark")).toEqual([{ kind: "email", matched: 1, of: 3 }]);
    expect(detected("code")).toEqual([{ kind: "card", matched: 1, of: 5 }]);
    expect(detected("label")).toEqual([{ kind: "secret", matched: 1, of: 2 }]);
    expect(detected("meta")).toEqual([{ kind: "email", matched: 1, of: 2 }]);
    expect(detected("entity")).toEqual([{ kind: "email", matched: 2, of: 3 }]);
    expect(detected("number")).toEqual([{ kind: "card", matched: 1, of: 3 }]);
    expect(JSON.stringify(profile)).not.toContain(planted.email);
  });

  it("never lists a value written like a person's name", async () => {
    const { profile } = await profileOf(
      records({ person: [planted.personName, "Ana Ruiz"], label: ["gold", planted.personName] }),
    );
    expect(field(profile, "person").values).toBeUndefined();
    expect(field(profile, "label").values).toBeUndefined();
    expect(JSON.stringify(profile)).not.toContain(planted.personName);
  });

  it("still lists codes and enums, and screens nothing of a field with many values", async () => {
    const many = Array.from({ length: 20 }, (_, index) => `user${String(index)}@acme-mail.io`);
    const { profile } = await profileOf(
      records({ segment: ["smb", "mid_market", "enterprise"], contact: many }),
    );
    expect(field(profile, "segment").values).toEqual(["enterprise", "mid_market", "smb"]);
    expect(field(profile, "segment").detected).toBeUndefined();
    expect(field(profile, "contact").detected).toBeUndefined();
  });
});
