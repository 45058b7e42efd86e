import { okfCommand } from "../../okf-command.js";
import { UsageError } from "../../errors.js";
import { findBundleRepository } from "../../git/bundle-repository.js";
import { serveStdio } from "../../read/mcp/serve-stdio.js";
import { checkProposalsBranch } from "../../read/proposals/branch-commit.js";
import { openBundle } from "../../read/steward/open-bundle.js";
import type { CommandContext } from "../command-context.js";

interface ServeOptions {
  mcp?: boolean;
  readOnly?: boolean;
  config?: string;
  bundle?: string;
  proposalsBranch?: string;
}

export function registerServe({ program, io }: CommandContext): void {
  program
    .command("serve")
    .description("serve the bundle to AI agents as a Model Context Protocol server over stdio")
    .option("--mcp", "speak the Model Context Protocol on stdin/stdout (the only transport)")
    .option("--read-only", "offer no propose_update tool")
    .option("-c, --config <file>", "configuration file that names the bundle")
    .option("--bundle <dir>", "bundle folder")
    .option("--proposals-branch <name>", "commit each proposal on this git branch")
    .addHelpText(
      "after",
      `\nRegister it with an MCP client, e.g. \`claude mcp add okf -- ${okfCommand()} serve --mcp --bundle /path/knowledge\`.\nstdout carries only protocol messages; logs go to stderr.`,
    )
    .action(async (options: ServeOptions) => {
      if (options.mcp !== true) {
        throw new UsageError(
          "okf serve needs --mcp: the Model Context Protocol over stdio is the only transport.",
          "Run `okf serve --mcp --bundle knowledge` from your MCP client's configuration (see docs/agents.md).",
        );
      }
      const bundleDir = await openBundle({
        cwd: io.cwd,
        bundle: options.bundle,
        config: options.config,
      });
      if (options.proposalsBranch !== undefined) {
        await checkServeBranch(bundleDir, options.proposalsBranch, io.env);
      }
      await serveStdio(
        {
          bundleDir,
          readOnly: options.readOnly === true,
          ...(options.proposalsBranch === undefined
            ? {}
            : { proposalsBranch: options.proposalsBranch }),
        },
        {
          stdin: process.stdin,
          stdout: io.stdout,
          log: (line) => io.stderr.write(`${line}\n`),
        },
      );
    });
}

/** A `--proposals-branch` that cannot work is a usage error now, not at the first proposal. */
async function checkServeBranch(
  bundleDir: string,
  branch: string,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const repository = await findBundleRepository(bundleDir, env);
  if (repository === undefined) {
    throw new UsageError(
      `--proposals-branch ${JSON.stringify(branch)}: the bundle ${bundleDir} is not inside a git repository, so there is no branch to commit proposals on.`,
      "Run `git init` in the folder that keeps the bundle's history, or leave out --proposals-branch.",
    );
  }
  await checkProposalsBranch(repository, branch);
}
