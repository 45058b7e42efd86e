import { describe, expect, it } from "vitest";
import { columnFields } from "../../../extractors/glue/column-fields.js";
import { formatHiveType, parseHiveType } from "../../../extractors/glue/hive-type.js";

const paths = (type: string) =>
  columnFields({ Name: "col", Type: type }, "col", 3).map((field) => [field.path, field.type]);

describe("the Hive type parser", () => {
  it("parses primitives, with and without parameters", () => {
    expect(parseHiveType("string")).toEqual({ kind: "primitive", name: "string" });
    expect(parseHiveType("decimal(10,2)")).toEqual({
      kind: "primitive",
      name: "decimal",
      args: "10,2",
    });
    expect(parseHiveType(" varchar( 20 ) ")).toEqual({
      kind: "primitive",
      name: "varchar",
      args: "20",
    });
    expect(parseHiveType("timestamp with local time zone")).toEqual({
      kind: "primitive",
      name: "timestamp with local time zone",
    });
  });

  it("parses nested structs, arrays, maps and unions", () => {
    expect(parseHiveType("struct<a:int,b:array<struct<c:string>>>")).toEqual({
      kind: "struct",
      fields: [
        { name: "a", type: { kind: "primitive", name: "int" } },
        {
          name: "b",
          type: {
            kind: "array",
            element: {
              kind: "struct",
              fields: [{ name: "c", type: { kind: "primitive", name: "string" } }],
            },
          },
        },
      ],
    });
    expect(parseHiveType("map<string,struct<x:int>>")).toEqual({
      kind: "map",
      key: { kind: "primitive", name: "string" },
      value: { kind: "struct", fields: [{ name: "x", type: { kind: "primitive", name: "int" } }] },
    });
    expect(parseHiveType("uniontype<int,string>")).toEqual({
      kind: "union",
      members: [
        { kind: "primitive", name: "int" },
        { kind: "primitive", name: "string" },
      ],
    });
    expect(parseHiveType("struct<>")).toEqual({ kind: "struct", fields: [] });
  });

  it("accepts spaces, upper case, backquoted names and member comments", () => {
    const parsed = parseHiveType(
      "STRUCT< `first name` : STRING , `a``b`:Array< INT >, amount: decimal(12, 2) COMMENT 'in EUR' >",
    );
    expect(parsed).toEqual({
      kind: "struct",
      fields: [
        { name: "first name", type: { kind: "primitive", name: "STRING" } },
        {
          name: "a`b",
          type: { kind: "array", element: { kind: "primitive", name: "INT" } },
        },
        {
          name: "amount",
          type: { kind: "primitive", name: "decimal", args: "12, 2" },
          comment: "in EUR",
        },
      ],
    });
    if (!parsed) throw new Error("not parsed");
    expect(formatHiveType(parsed)).toBe(
      "struct<`first name`:STRING,`a``b`:array<INT>,amount:decimal(12,2)>",
    );
  });

  it("returns undefined for malformed types instead of throwing", () => {
    for (const text of [
      "",
      "struct<a:int",
      "struct<a int>",
      "array<>",
      "map<string>",
      "map<string,int,int>",
      "decimal(10,2",
      "struct<a:int>>",
      "struct<`a:int>",
      "widget<int>",
      "struct<a:int COMMENT 'unterminated>",
      `${"array<".repeat(200)}int${">".repeat(200)}`,
    ]) {
      expect(parseHiveType(text), text).toBeUndefined();
    }
  });
});

describe("nested fields of a column", () => {
  it("names struct members, array elements and map values with the profiler's paths", () => {
    expect(paths("struct<a:int,b:array<struct<c:string>>>")).toEqual([
      ["col", "struct<a:int,b:array<struct<c:string>>>"],
      ["col.a", "int"],
      ["col.b", "array<struct<c:string>>"],
      ["col.b[].c", "string"],
    ]);
    expect(paths("map<string,struct<x:int>>")).toEqual([
      ["col", "map<string,struct<x:int>>"],
      ["col.<key>.x", "int"],
    ]);
    expect(paths("array<map<string,array<struct<sku:string,qty:int>>>>")).toEqual([
      ["col", "array<map<string,array<struct<sku:string,qty:int>>>>"],
      ["col[].<key>[].sku", "string"],
      ["col[].<key>[].qty", "int"],
    ]);
  });

  it("gives nested fields their parent's position and their member comments", () => {
    const fields = columnFields(
      { Name: "address", Type: "struct<city:string COMMENT 'billing city'>", Comment: " Postal " },
      "address",
      7,
    );
    expect(fields).toEqual([
      {
        name: "address",
        path: "address",
        position: 7,
        type: "struct<city:string COMMENT 'billing city'>",
        comment: "Postal",
      },
      { name: "city", path: "address.city", position: 7, type: "string", comment: "billing city" },
    ]);
  });

  it("keeps a column whose type does not parse, with its raw type and nothing nested", () => {
    expect(paths("struct<a:int,b:")).toEqual([["col", "struct<a:int,b:"]]);
    expect(columnFields({ Name: "mystery" }, "mystery", 1)).toEqual([
      { name: "mystery", path: "mystery", position: 1, type: "" },
    ]);
  });

  it("reads Iceberg's optional flag as nullability", () => {
    const [required] = columnFields(
      { Name: "id", Type: "bigint", Parameters: { "iceberg.field.optional": "false" } },
      "id",
      1,
    );
    const [optional] = columnFields(
      { Name: "note", Type: "string", Parameters: { "iceberg.field.optional": "true" } },
      "note",
      2,
    );
    expect(required?.nullable).toBe(false);
    expect(optional?.nullable).toBe(true);
  });
});
