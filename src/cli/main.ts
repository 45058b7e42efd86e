import { Command, CommanderError, Option } from "commander";
import { ExitCode, OkfError, UsageError } from "../errors.js";
import { redact } from "../secrets.js";
import { okfVersion } from "../version.js";
import { registerCommands } from "./commands.js";
import { fileSystemErrorOf } from "./system-error.js";

export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/**
 * The one place that prints errors and picks the exit code. Commands throw typed errors; here
 * they become one paragraph with a fix, and a stack trace only with --debug.
 */
export async function main(argv: readonly string[], io?: Partial<CliIo>): Promise<number> {
  const ctx: CliIo = {
    cwd: io?.cwd ?? process.cwd(),
    env: io?.env ?? process.env,
    stdout: io?.stdout ?? process.stdout,
    stderr: io?.stderr ?? process.stderr,
  };
  const debug = argv.includes("--debug");
  let exitCode = 0;
  const program = new Command("okf")
    .description(
      "Turn database metadata into a governed Open Knowledge Format (OKF) bundle: one markdown file per table, regenerated without losing what people wrote.",
    )
    .version(okfVersion, "-V, --version")
    .addOption(new Option("--debug", "print stack traces of errors"))
    .addHelpText(
      "after",
      "\nStart with `okf demo`, or `okf init` then `okf extract`. Exit codes: 0 ok, 1 findings,\n2 usage or configuration error, 3 a source failed, 4 a file could not be written,\n70 internal error (a bug in okf). Configuration reference: docs/configuration.md.",
    )
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      writeErr: (text) => ctx.stderr.write(text),
    });
  registerCommands(program, ctx, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    return reportError(error, ctx, debug);
  }
}

function reportError(error: unknown, ctx: CliIo, debug: boolean): number {
  if (error instanceof CommanderError) {
    // Commander already printed its message (or the help / version text).
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return 0;
    if (error.code === "commander.help") return 0;
    return new UsageError("").exitCode;
  }
  const known = error instanceof OkfError ? error : fileSystemErrorOf(error, ctx.cwd);
  if (known) {
    ctx.stderr.write(`okf: ${redact(known.message)}\n`);
    if (known.hint) ctx.stderr.write(`  fix: ${redact(known.hint)}\n`);
    const stack = error instanceof Error ? error.stack : undefined;
    if (debug && stack) ctx.stderr.write(`${redact(stack)}\n`);
    return known.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  ctx.stderr.write(`okf: internal error (a bug in okf): ${redact(message)}\n`);
  ctx.stderr.write(
    debug && error instanceof Error && error.stack
      ? `${redact(error.stack)}\n`
      : "  Run again with --debug for the stack trace, and please report it.\n",
  );
  return ExitCode.internal;
}
