import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { tempDir } from "../../helpers/run-cli.js";

/** One concept file to write, in the format okf generates (frontmatter, regions, human sections). */
export interface TableSpec {
  /** Bundle path, e.g. `crm/postgres/sales/customer_account.md`. */
  path: string;
  type: string;
  id: string;
  database?: string;
  schema?: string;
  table: string;
  columns: string[];
  frontmatter?: Record<string, string>;
  guidance?: string;
  prohibited?: string;
  /** Sensitive Fields rows: field, category, decision, masking, `person` for an added row. */
  sensitive?: Array<{
    field: string;
    category: string;
    decision?: string;
    masking?: string;
    added?: boolean;
  }>;
  /** Relationships join table rows. */
  joins?: Array<{ join: string; with: string; kind: string; decision?: string }>;
  /** Extra generated regions (Keys and Indexes, Access Patterns), already as markdown. */
  regions?: string;
}

const placeholder = (what: string) => `_Owner to write: ${what}._`;

function conceptMarkdown(spec: TableSpec): string {
  const front = [
    `type: ${spec.type}`,
    `title: ${spec.table}`,
    `description: ${spec.type} ${spec.table}.`,
    `id: ${spec.id}`,
    "kind: table",
    ...(spec.database === undefined ? [] : [`database: ${spec.database}`]),
    ...(spec.schema === undefined ? [] : [`schema: ${spec.schema}`]),
    `table: ${JSON.stringify(spec.table)}`,
    `pii: ${String((spec.sensitive ?? []).length > 0)}`,
    ...Object.entries({ approval_status: "approved", status: "stable", ...spec.frontmatter }).map(
      ([key, value]) => `${key}: ${value}`,
    ),
  ];
  const schema = [
    "| Column | Type | Nullable | Key | Description | Profile |",
    "| --- | --- | --- | --- | --- | --- |",
    ...spec.columns.map((column) => `| ${column} | text | yes | | | |`),
  ];
  const sensitive = [
    "| Field | Category | Confidence | Evidence | Decision | Masking |",
    "| --- | --- | --- | --- | --- | --- |",
    ...(spec.sensitive ?? []).map(
      (row) =>
        `| ${row.field} | ${row.category} | ${row.added ? "person" : "high"} | name matches | ${row.decision ?? ""} | ${row.masking ?? ""} |`,
    ),
  ];
  const joins = [
    "| Join | With | Kind | Cardinality | Decision |",
    "| --- | --- | --- | --- | --- |",
    ...(spec.joins ?? []).map(
      (row) =>
        `| \`${row.join}\` | ${row.with} | ${row.kind} | many-to-one | ${row.decision ?? ""} |`,
    ),
  ];
  return [
    "---",
    ...front,
    "---",
    `# ${spec.table}`,
    "",
    "<!-- okf:begin summary -->",
    `${spec.type} \`${spec.table}\`.`,
    "<!-- okf:end summary -->",
    "",
    "## Business Meaning",
    placeholder("what one row represents"),
    "",
    "## Agent Usage Guidance",
    spec.guidance ?? placeholder("what agents may and must not use this table for"),
    "",
    "## Prohibited Use",
    spec.prohibited ?? placeholder("what this data must never be used for"),
    "",
    "<!-- okf:begin schema -->",
    "## Schema",
    ...schema,
    "<!-- okf:end schema -->",
    "",
    ...(spec.regions === undefined ? [] : [spec.regions, ""]),
    "<!-- okf:begin relationships -->",
    "## Relationships",
    ...joins,
    "<!-- okf:end relationships -->",
    "",
    "<!-- okf:begin sensitive -->",
    "## Sensitive Fields",
    ...sensitive,
    "<!-- okf:end sensitive -->",
    "",
  ].join("\n");
}

/** A bundle in a temporary folder with these concepts; returns the bundle folder. */
export function writeBundle(specs: readonly TableSpec[], dir = tempDir("okf-guard-")): string {
  const bundle = join(dir, "knowledge");
  for (const spec of specs) {
    const file = join(bundle, spec.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, conceptMarkdown(spec));
  }
  return bundle;
}
