/**
 * `npm run bench` (SQL guard part): the time `checkSql` and the MCP tool check_query take per
 * statement on a bundle of 2,000 concepts, after start-up (reading the bundle, building the
 * guard's indexes, loading the parser). The bundle is generated here in a temporary folder:
 * 200 schemas of 10 tables of 12 columns, each with a sensitive field and a foreign key.
 * The target (issue 15) is under 50 ms per statement for each.
 *
 *   npx tsx bench/check-sql-bench.ts
 *   npx tsx bench/check-sql-bench.ts --concepts 5000 --runs 50
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { readConceptRecords } from "../src/read/concepts/read-concept-records.js";
import { buildGuardKnowledge, checkSql, initSqlParser } from "../src/read/guard/check-sql.js";
import { createOkfServer } from "../src/read/mcp/okf-server.js";

const { values } = parseArgs({
  options: {
    concepts: { type: "string", default: "2000" },
    runs: { type: "string", default: "30" },
  },
});
const conceptCount = Number(values.concepts);
const runs = Number(values.runs);
const tablesPerSchema = 10;
const targetMs = 50;

function conceptFile(schema: string, index: number): string {
  const table = `table_${String(index)}`;
  const parent = `table_${String(index === 0 ? 1 : 0)}`;
  const columns = [
    "id",
    "parent_id",
    "owner_email",
    ...Array.from({ length: 9 }, (_, i) => `attribute_${String(i)}`),
  ];
  return [
    "---",
    "type: PostgreSQL Table",
    `title: ${table}`,
    `id: bench.${schema}.${table}`,
    "kind: table",
    "database: bench",
    `schema: ${schema}`,
    `table: ${table}`,
    "pii: true",
    "approval_status: approved",
    "agent_usage: allowed_read_only",
    "---",
    `# ${table}`,
    "",
    "## Agent Usage Guidance",
    "Aggregate only; never export owner_email.",
    "",
    "<!-- okf:begin schema -->",
    "## Schema",
    "| Column | Type | Nullable | Key | Description | Profile |",
    "| --- | --- | --- | --- | --- | --- |",
    ...columns.map((column) => `| ${column} | text | yes | | | |`),
    "<!-- okf:end schema -->",
    "",
    "<!-- okf:begin relationships -->",
    "## Relationships",
    "| Join | With | Kind | Cardinality | Decision |",
    "| --- | --- | --- | --- | --- |",
    `| \`${table}.parent_id = ${parent}.id\` | [${parent}](${parent}.md) | foreign key | many-to-one | |`,
    "<!-- okf:end relationships -->",
    "",
    "<!-- okf:begin sensitive -->",
    "## Sensitive Fields",
    "| Field | Category | Confidence | Evidence | Decision | Masking |",
    "| --- | --- | --- | --- | --- | --- |",
    "| owner_email | pii.email | high | name matches | confirmed | hash |",
    "<!-- okf:end sensitive -->",
    "",
  ].join("\n");
}

function writeBundle(dir: string): string {
  const bundle = join(dir, "knowledge");
  for (let n = 0; n < conceptCount; n++) {
    const schema = `schema_${String(Math.floor(n / tablesPerSchema))}`;
    mkdirSync(join(bundle, "bench", schema), { recursive: true });
    writeFileSync(
      join(bundle, "bench", schema, `table_${String(n % tablesPerSchema)}.md`),
      conceptFile(schema, n % tablesPerSchema),
    );
  }
  return bundle;
}

/** Statements over tables spread across the bundle: a join, a CTE, a subquery, a write. */
function statement(run: number): string {
  const schema = `schema_${String((run * 37) % Math.floor(conceptCount / tablesPerSchema))}`;
  return [
    `WITH recent AS (SELECT id, owner_email FROM ${schema}.table_2 WHERE attribute_1 > '2026')`,
    `SELECT a.id, a.attribute_3, b.owner_email, r.id`,
    `FROM ${schema}.table_1 a JOIN ${schema}.table_0 b ON a.parent_id = b.id`,
    `JOIN recent r ON r.id = a.id`,
    `WHERE a.id IN (SELECT parent_id FROM ${schema}.table_3 WHERE attribute_2 = 'x')`,
  ].join("\n");
}

function report(label: string, times: number[]): void {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const worst = sorted.at(-1) ?? 0;
  const verdict = median < targetMs ? "under" : "OVER";
  console.log(
    `${label}: median ${median.toFixed(2)} ms, worst ${worst.toFixed(2)} ms per statement (${verdict} the ${String(targetMs)} ms target)`,
  );
}

const dir = mkdtempSync(join(tmpdir(), "okf-check-sql-bench-"));
try {
  const bundle = writeBundle(dir);
  const started = performance.now();
  await initSqlParser();
  const knowledge = buildGuardKnowledge(await readConceptRecords(bundle, new Date()), {
    requireApproval: false,
  });
  // The first statement compiles the walker's code paths: part of start-up.
  checkSql(knowledge, { sql: statement(0), dialect: "postgres" });
  console.log(
    `check-sql bench: ${String(conceptCount)} concepts, start-up ${(performance.now() - started).toFixed(0)} ms`,
  );
  const direct: number[] = [];
  for (let run = 0; run < runs; run++) {
    const before = performance.now();
    const result = checkSql(knowledge, { sql: statement(run), dialect: "postgres" });
    direct.push(performance.now() - before);
    if (result.findings.length === 0)
      throw new Error("the bench statement should find owner_email");
  }
  report("checkSql", direct);

  const server = createOkfServer({ bundleDir: bundle, readOnly: true });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: "okf-bench", version: "1.0.0" });
  await client.connect(clientSide);
  const first = performance.now();
  await client.callTool({ name: "check_query", arguments: { sql: statement(0) } });
  console.log(
    `check_query start-up (first call: reads the bundle, builds the indexes): ${(performance.now() - first).toFixed(0)} ms`,
  );
  const viaMcp: number[] = [];
  for (let run = 0; run < runs; run++) {
    const before = performance.now();
    const answer = await client.callTool({
      name: "check_query",
      arguments: { sql: statement(run) },
    });
    viaMcp.push(performance.now() - before);
    if (answer.isError === true) throw new Error("check_query failed");
  }
  report(
    "MCP check_query (in-process client; the bundle watched, looked at again at least every second)",
    viaMcp,
  );
  await client.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
