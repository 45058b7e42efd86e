import { stat } from "node:fs/promises";
import { resolveBundleDir } from "../../commands/resolve-bundle.js";
import { ConfigError, UsageError } from "../../errors.js";
import { serveStdio } from "../../mcp/serve-stdio.js";
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
      "\nRegister it with an MCP client, e.g. `claude mcp add okf -- npx okf serve --mcp --bundle /path/knowledge`.\nstdout carries only protocol messages; logs go to stderr.",
    )
    .action(async (options: ServeOptions) => {
      if (options.mcp !== true) {
        throw new UsageError(
          "okf serve needs --mcp: the Model Context Protocol over stdio is the only transport.",
          "Run `okf serve --mcp --bundle knowledge` from your MCP client's configuration (see README).",
        );
      }
      const bundleDir = await resolveBundleDir({
        cwd: io.cwd,
        bundle: options.bundle,
        config: options.config,
      });
      const isFolder = await stat(bundleDir).then(
        (stats) => stats.isDirectory(),
        () => false,
      );
      if (!isFolder) {
        throw new ConfigError(
          `The bundle folder ${bundleDir} does not exist.`,
          "Pass --bundle DIR with the folder of the knowledge files (okf demo writes one), or --config PATH.",
        );
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
