/**
 * Chinook for the tests: the project's own DDL (test/fixtures/datasets/chinook/*-schema.sql) and
 * INSERT statements built from the upstream rows in chinook-data.json, for PostgreSQL (snake_case
 * names) and MySQL/MariaDB (the JSON's PascalCase names).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import mysql from "mysql2/promise";
import pg from "pg";

type ChinookValue = string | number | null;
export type ChinookRow = Record<string, ChinookValue>;

const chinookDir = fileURLToPath(new URL("../fixtures/datasets/chinook/", import.meta.url));

let rows: Record<string, ChinookRow[]> | undefined;

/** The rows by table (PascalCase, as upstream), in an order that satisfies the foreign keys. */
export function chinookRows(): Record<string, ChinookRow[]> {
  rows ??= JSON.parse(readFileSync(path.join(chinookDir, "chinook-data.json"), "utf8")) as Record<
    string,
    ChinookRow[]
  >;
  return rows;
}

/** `InvoiceLine` → `invoice_line`, `BillingPostalCode` → `billing_postal_code`. */
function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
}

interface Dialect {
  schemaFile: string;
  name(upstream: string): string;
  literal(value: string | number): string;
}

const postgres: Dialect = {
  schemaFile: "postgresql-schema.sql",
  name: snakeCase,
  literal: (value) => (typeof value === "number" ? String(value) : pg.escapeLiteral(value)),
};

const mariadb: Dialect = {
  schemaFile: "mysql-schema.sql",
  name: (upstream) => mysql.escapeId(upstream),
  // Upstream dates are ISO (`2021-01-01T00:00:00`); the space form suits DATETIME everywhere.
  literal: (value) =>
    mysql.escape(
      typeof value === "string" && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/.test(value)
        ? value.replace("T", " ")
        : value,
    ),
};

function script(dialect: Dialect): string {
  const statements = [readFileSync(path.join(chinookDir, dialect.schemaFile), "utf8")];
  for (const [table, tableRows] of Object.entries(chinookRows())) {
    const columns = Object.keys(tableRows[0] ?? {});
    // Upstream JSON writes the SQL NULLs of Chinook's dumps as empty strings.
    const tuples = tableRows.map(
      (row) =>
        `(${columns
          .map((column) => {
            const value = row[column] ?? null;
            return value === null || value === "" ? "NULL" : dialect.literal(value);
          })
          .join(", ")})`,
    );
    statements.push(
      `INSERT INTO ${dialect.name(table)} (${columns.map((column) => dialect.name(column)).join(", ")}) VALUES\n${tuples.join(",\n")};`,
    );
  }
  return statements.join("\n");
}

/** DDL and rows for PostgreSQL, as one script for the simple query protocol. */
export function chinookPostgresScript(): string {
  return script(postgres);
}

/** DDL and rows for MySQL/MariaDB, as one multi-statement script. */
export function chinookMysqlScript(): string {
  return script(mariadb);
}
