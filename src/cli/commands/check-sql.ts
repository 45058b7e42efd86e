import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { Option } from "commander";
import { UsageError } from "../../errors.js";
import { readConceptRecords } from "../../read/concepts/read-concept-records.js";
import {
  buildGuardKnowledge,
  checkSql,
  guardDialects,
  initSqlParser,
  type GuardDialect,
} from "../../read/guard/check-sql.js";
import { errorCount, formatCheck, screenedResult } from "../../read/guard/format-check.js";
import { readGuardPolicy } from "../../read/guard/guard-policy.js";
import { openBundle } from "../../read/steward/open-bundle.js";
import type { CommandContext } from "../command-context.js";

interface CheckSqlOptions {
  dialect: GuardDialect;
  source?: string;
  searchPath?: string;
  json?: boolean;
  bundle?: string;
  config?: string;
}

export function registerCheckSql({ program, io, setExit, json }: CommandContext): void {
  program
    .command("check-sql")
    .description(
      "check SQL against the bundle before running it: unknown, deprecated, unapproved or stale tables, sensitive columns, joins nobody approved, writes and prohibited use",
    )
    .argument("[file]", "file of one or more SQL statements; - or nothing reads stdin")
    .addOption(
      new Option("--dialect <dialect>", "SQL dialect of the statements (partiql for DynamoDB)")
        .choices(guardDialects)
        .default("postgres"),
    )
    .option("--source <name>", "check against this source's concepts only (its bundle folder)")
    .option(
      "--search-path <schemas>",
      "comma-separated schemas (MySQL: databases) for unqualified table names (default: the config's guard.search_path, else public; MySQL: any database)",
    )
    .option("--json", 'print { "statements": [...], "findings": [...] } on stdout')
    .option("-c, --config <file>", "configuration file that names the bundle and the guard policy")
    .option("--bundle <dir>", "bundle folder")
    .addHelpText(
      "after",
      [
        "",
        "Examples:",
        "  okf check-sql query.sql",
        "  echo 'SELECT owner_email FROM sales.customer_account' | okf check-sql --json",
        "  okf check-sql --dialect partiql - < lookup.partiql",
        "",
        "Rules: unknown-table, deprecated-table, unapproved-table, stale, sensitive-column,",
        "unapproved-join, write-not-allowed, prohibited-use, full-scan (docs/guard.md).",
        "Exit codes: 0 no error findings (warnings allowed), 1 error findings, 2 a parse error",
        "(with its line and column) or a usage error.",
      ].join("\n"),
    )
    .action(async (file: string | undefined, options: CheckSqlOptions) => {
      const sql = await readSql(file, io.cwd);
      const bundleDir = await openBundle({
        cwd: io.cwd,
        bundle: options.bundle,
        config: options.config,
      });
      const policy = await readGuardPolicy({
        cwd: io.cwd,
        ...(options.config === undefined ? {} : { config: options.config }),
      });
      const records = await readConceptRecords(bundleDir, new Date());
      if (
        options.source !== undefined &&
        !records.some((record) => record.source === options.source)
      ) {
        const sources = [...new Set(records.map((record) => record.source))].join(", ");
        throw new UsageError(
          `--source ${options.source}: the bundle has no concepts of that source.`,
          `Pick one of: ${sources || "(the bundle is empty)"}.`,
        );
      }
      await initSqlParser();
      const searchPath = options.searchPath
        ?.split(",")
        .map((schema) => schema.trim())
        .filter(Boolean);
      const result = screenedResult(
        checkSql(buildGuardKnowledge(records, policy), {
          sql,
          dialect: options.dialect,
          ...(options.source === undefined ? {} : { source: options.source }),
          ...(searchPath === undefined || searchPath.length === 0 ? {} : { searchPath }),
        }),
      );
      if (result.statements.length === 0) {
        throw new UsageError(
          "The input holds no SQL statement.",
          "Give a file of SQL statements, or pipe them on stdin.",
        );
      }
      if (options.json) json(result);
      else io.stdout.write(formatCheck(result));
      setExit(errorCount(result) > 0 ? 1 : 0);
    });
}

async function readSql(file: string | undefined, cwd: string): Promise<string> {
  if (file !== undefined && file !== "-") {
    try {
      return await readFile(resolve(cwd, file), "utf8");
    } catch {
      throw new UsageError(
        `Cannot read the SQL file ${file}.`,
        "Pass an existing file, or - to read stdin.",
      );
    }
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString("utf8");
}
