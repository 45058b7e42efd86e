import picomatch from "picomatch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { globToPostgresRegex } from "../../../extractors/postgres/glob-filter.js";
import { ConfigError } from "../../../src/errors.js";
import { createTestDatabase, type TestDatabase } from "../../helpers/postgres-database.js";

const names = [
  "public.orders",
  "public.tmp_orders",
  "sales.Customer",
  "sales.customer",
  "sales.orders",
  "Sales Dept.Order Items",
  "public.prix_€",
  "public..",
  "public..hidden",
  ".dot.x",
  "hr.staff",
  "x.a*b",
  "x.a+b",
  "weird.[x]",
];

const globs = [
  "public.*",
  "*.tmp_*",
  "sales.[A-Z]*",
  "sales.{customer,orders}",
  "Sales Dept.*",
  "*.prix_?",
  "*.*",
  "**",
  "!(public).*",
  "public.!(tmp_*)",
  "*.+(a|o)*",
  "s?les.*",
  "x.a\\*b",
  "x.a+b",
  "weird.\\[x\\]",
  "public..*",
  "*.customer",
  "!public.*",
];

let db: TestDatabase;

/** Matches every (name, glob) pair inside PostgreSQL, the way the relations query does. */
async function matchInPostgres(pairs: [string, string][]): Promise<boolean[]> {
  const rows = await db.admin<{ matched: boolean }>(
    `SELECT translate(x.name, '/', chr(1)) ~ x.re AS matched
     FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS x(name, re, i) ORDER BY x.i`,
    [pairs.map(([name]) => name), pairs.map(([, glob]) => globToPostgresRegex(glob))],
  );
  return rows.map((row) => row.matched);
}

describe("include / exclude globs as PostgreSQL regular expressions", () => {
  beforeAll(async () => {
    db = await createTestDatabase("globs");
  });
  afterAll(() => db.drop());

  it("match in PostgreSQL exactly as picomatch matches in JavaScript", async () => {
    const pairs = names.flatMap((name) => globs.map((glob): [string, string] => [name, glob]));
    const inPostgres = await matchInPostgres(pairs);
    const mismatches = pairs.filter(
      ([name, glob], index) => picomatch.isMatch(name, glob, { dot: true }) !== inPostgres[index],
    );
    expect(mismatches).toEqual([]);
    // The matrix is only worth something if it holds both outcomes in quantity.
    expect(inPostgres.filter(Boolean).length).toBeGreaterThan(40);
    expect(inPostgres.filter((matched) => !matched).length).toBeGreaterThan(100);
  });

  it("let * match a / inside a name, and a literal / match only itself", async () => {
    const cases: [string, string, boolean][] = [
      ["public.a/b", "public.*", true],
      ["public.a/b", "*.a/*", true],
      ["public.a/b", "public.a/b", true],
      ["public.a/b", "public.a?b", true],
      ["public.a/b", "public.a", false],
      ["public.axb", "public.a/b", false],
      ["a/b.c", "*.c", true],
      ["a/b.c", "a/*.*", true],
      ["public.../etc", "public.*", true],
      ["public.../etc", "*.*/etc", true],
    ];
    const inPostgres = await matchInPostgres(cases.map(([name, glob]) => [name, glob]));
    expect(inPostgres).toEqual(cases.map(([, , expected]) => expected));
  });

  it("reject a glob picomatch cannot compile as a configuration error", () => {
    expect(() => globToPostgresRegex("x".repeat(70_000))).toThrow(ConfigError);
  });
});
