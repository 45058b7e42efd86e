import { initCommand } from "../init-project.js";
import type { CommandContext } from "../command-context.js";

export function registerInit({ program, io, json }: CommandContext): void {
  program
    .command("init")
    .description("write a commented okf.config.yaml and an empty bundle (never overwrites a file)")
    .option("--dir <dir>", "folder to initialise", ".")
    .option("--json", "print the result as JSON on stdout")
    .action(async (options: { dir: string; json?: boolean }) => {
      const result = await initCommand({ cwd: io.cwd, dir: options.dir });
      if (options.json) {
        json(result);
        return;
      }
      for (const file of result.created) io.stdout.write(`created ${file}\n`);
      for (const file of result.kept) io.stdout.write(`kept    ${file} (already exists)\n`);
      io.stdout.write("Next: set the sources in okf.config.yaml, then run `okf extract`.\n");
    });
}
