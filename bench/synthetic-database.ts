import pg from "pg";

export interface SyntheticShape {
  tables: number;
  /** Columns per table, at least 4 (id, parent_id, sibling_id, one payload column). */
  columns: number;
  /** Rows inserted into every table, so that profiling and pg_stats have something to read. */
  rows: number;
}

/** Tables per multi-statement batch: big enough to save round trips, small enough for the lock table. */
const tablesPerBatch = 100;
const schemaCount = 10;

/** Payload column types, cycled; names hint at a few the classifier should notice. */
const payloadColumns = [
  { name: "label", type: "text", value: (t: number) => `'item ' || g || ' of t${t}'` },
  { name: "amount", type: "numeric(12,2)", value: () => "(g * 7 % 1000) / 10.0" },
  { name: "quantity", type: "integer", value: () => "g * 13 % 97" },
  {
    name: "created_at",
    type: "timestamptz",
    value: () => "timestamptz '2026-01-01 00:00:00+00' + g * interval '1 hour'",
  },
  { name: "is_active", type: "boolean", value: () => "g % 3 <> 0" },
  { name: "status", type: "text", value: () => "(ARRAY['new', 'open', 'closed'])[1 + g % 3]" },
  { name: "contact_email", type: "text", value: () => "'user' || g || '@example.com'" },
  { name: "valid_from", type: "date", value: () => "date '2025-01-01' + g" },
] as const;

export function tableName(index: number): { schema: string; table: string } {
  return {
    schema: `bench_${String(index % schemaCount).padStart(2, "0")}`,
    table: `t_${String(index).padStart(5, "0")}`,
  };
}

const qualified = (index: number): string => {
  const { schema, table } = tableName(index);
  return `${schema}.${table}`;
};

/**
 * Table i references table (i-1)/2 (a tree) and table i-1 (a chain), so every table has
 * foreign keys in both directions; names are generated, never user input.
 */
function tableDdl(index: number, shape: SyntheticShape): string {
  const payload = Array.from({ length: Math.max(1, shape.columns - 3) }, (_, k) => {
    const column = payloadColumns[k % payloadColumns.length] ?? payloadColumns[0];
    return { ...column, name: `${column.name}_${k}` };
  });
  const name = qualified(index);
  const parent = index === 0 ? "" : ` REFERENCES ${qualified(Math.floor((index - 1) / 2))} (id)`;
  const sibling = index === 0 ? "" : ` REFERENCES ${qualified(index - 1)} (id)`;
  const columns = payload.map((c) => `  ${c.name} ${c.type}`).join(",\n");
  const values = payload.map((c) => c.value(index)).join(", ");
  // Row g of the parent and the sibling exists: every table holds ids 1..rows.
  const links = index === 0 ? "NULL, NULL" : "g, g";
  return `
CREATE TABLE ${name} (
  id bigint PRIMARY KEY,
  parent_id bigint${parent},
  sibling_id bigint${sibling},
${columns}
);
CREATE INDEX ON ${name} (parent_id);
COMMENT ON TABLE ${name} IS 'Synthetic benchmark table ${index}.';
COMMENT ON COLUMN ${name}.id IS 'Row identifier.';
INSERT INTO ${name} SELECT g, ${links}, ${values} FROM generate_series(1, ${shape.rows}) AS g;`;
}

function adminUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates (or re-creates) the database, its tables and rows, and analyses it; returns its URL. */
export async function createSyntheticDatabase(
  serverUrl: string,
  database: string,
  shape: SyntheticShape,
  progress: (line: string) => void,
): Promise<string> {
  const identifier = pg.escapeIdentifier(database);
  await withClient(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${identifier} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${identifier}`);
  });
  const url = adminUrl(serverUrl, database);
  await withClient(url, async (client) => {
    const schemas = Array.from({ length: Math.min(schemaCount, shape.tables) }, (_, i) => i);
    await client.query(schemas.map((i) => `CREATE SCHEMA ${tableName(i).schema};`).join("\n"));
    for (let start = 0; start < shape.tables; start += tablesPerBatch) {
      const end = Math.min(start + tablesPerBatch, shape.tables);
      const batch = Array.from({ length: end - start }, (_, k) => tableDdl(start + k, shape));
      await client.query(batch.join("\n"));
      progress(`  created ${end} of ${shape.tables} tables`);
    }
    await client.query("ANALYZE");
  });
  return url;
}

export async function dropSyntheticDatabase(serverUrl: string, database: string): Promise<void> {
  await withClient(serverUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`),
  );
}
