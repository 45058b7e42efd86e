import type { Command } from "commander";
import type { CommandContext } from "./command-context.js";
import { registerApprove } from "./commands/approve.js";
import { registerCheckSql } from "./commands/check-sql.js";
import { registerDemo } from "./commands/demo.js";
import { registerDiff } from "./commands/diff.js";
import { registerEval } from "./commands/eval.js";
import { registerExtract } from "./commands/extract.js";
import { registerInit } from "./commands/init.js";
import { registerSearch } from "./commands/search.js";
import { registerProposals } from "./commands/proposals.js";
import { registerServe } from "./commands/serve.js";
import { registerStatus } from "./commands/status.js";
import { registerValidate } from "./commands/validate.js";
import type { CliIo } from "./main.js";

/** Every command, in the order `okf --help` lists them. */
const registrations: Array<(context: CommandContext) => void> = [
  registerInit,
  registerExtract,
  registerDiff,
  registerValidate,
  registerStatus,
  registerSearch,
  registerCheckSql,
  registerEval,
  registerServe,
  registerProposals,
  registerApprove,
  registerDemo,
];

export function registerCommands(
  program: Command,
  io: CliIo,
  setExit: (code: number) => void,
): void {
  const json = (value: unknown): void => {
    io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  };
  for (const register of registrations) register({ program, io, setExit, json });
}
