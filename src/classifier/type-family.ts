import type { Field, FieldProfile } from "../model/index.js";

/** What kind of value a field can hold, across engines' type names. */
export type TypeFamily =
  | "string"
  | "number"
  | "boolean"
  | "date"
  | "duration"
  | "binary"
  | "object"
  | "network"
  | "uuid"
  | "identifier"
  | "enum"
  | "unknown";

// Checked in order; the first match wins. Types come from PostgreSQL, MySQL, Redshift, Glue and
// Hive (`array<string>`, `struct<…>`), DynamoDB (`S`, `N`, `BOOL`) and document inference.
const familyPatterns: readonly [RegExp, TypeFamily][] = [
  [/^(bool|boolean|bit|tinyint\(1\))$/, "boolean"],
  [/^(inet|cidr|inet4|inet6)$/, "network"],
  [/^macaddr8?$/, "identifier"],
  [/^(uuid|uniqueidentifier)$/, "uuid"],
  [/^(objectid|oid|regclass|tid|xid)$/, "identifier"],
  [/^interval/, "duration"],
  [/^(date|datetime|timestamp|timestamptz|time|timetz|year|smalldatetime)\b/, "date"],
  [/^(timestamp|time) with(out)? time zone$/, "date"],
  [
    /^(tinyint|smallint|mediumint|int|integer|bigint|int2|int4|int8|int32|int64|long|serial|smallserial|bigserial|numeric|decimal|number|n|float|float4|float8|double|double precision|real|money|decimal128)\b/,
    "number",
  ],
  [/^(bytea|blob|tinyblob|mediumblob|longblob|binary|varbinary|b|bindata)\b/, "binary"],
  [/^(json|jsonb|struct|map|object|m|document|hstore|xml)\b/, "object"],
  [
    /^(text|citext|char|character|varchar|nchar|nvarchar|ntext|character varying|string|s|tinytext|mediumtext|longtext|bpchar|name|symbol)\b/,
    "string",
  ],
  [/^enum\b/, "enum"],
];

export function familyOfTypeName(typeName: string): TypeFamily {
  let name = typeName.trim().toLowerCase();
  // Arrays hold values of their element type: `text[]`, `array<string>`, DynamoDB sets `SS`.
  name = name.replace(/(\[\])+$/, "").replace(/^array\s*<\s*(.*)>$/, "$1");
  if (name === "ss") name = "s";
  if (name === "ns") name = "n";
  if (name === "bs") name = "b";
  for (const [pattern, family] of familyPatterns) if (pattern.test(name)) return family;
  return "unknown";
}

const profileFamilies: Record<string, TypeFamily> = {
  string: "string",
  integer: "number",
  number: "number",
  boolean: "boolean",
  date: "date",
  binary: "binary",
  object: "object",
};

/**
 * The families a field's values can belong to: from the declared type (a union such as
 * `string | null` gives several), else from the profile's observed type mix. An enum or a
 * domain counts as its values' or base type's family.
 */
export function typeFamilies(
  field: Field | undefined,
  profile: FieldProfile | undefined,
): Set<TypeFamily> {
  const families = new Set<TypeFamily>();
  if (field?.enumValues && field.enumValues.length > 0) families.add("enum");
  else if (field) {
    const declared = field.domain?.baseType ?? field.type;
    for (const part of declared.split("|")) {
      const trimmed = part.trim();
      if (trimmed === "" || /^(null|undefined|missing)$/i.test(trimmed)) continue;
      families.add(familyOfTypeName(trimmed));
    }
  }
  const known = [...families].filter((family) => family !== "unknown");
  if (known.length > 0) return new Set(known);
  for (const [type, count] of Object.entries(profile?.types ?? {})) {
    const family = profileFamilies[type];
    if (family && count > 0) families.add(family);
  }
  const observed = [...families].filter((family) => family !== "unknown");
  return observed.length > 0 ? new Set(observed) : new Set(["unknown"]);
}
