import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { CliRun } from "../helpers/run-cli.js";
import { repoRoot } from "../helpers/postgres-database.js";

const cliEntry = join(repoRoot, "src", "cli", "entry.ts");
// By URL: `--import tsx` would resolve from the child's working directory, a temporary folder.
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/** The node arguments that start the CLI from source. */
function cliCommand(args: readonly string[]): string[] {
  return ["--import", tsxLoader, cliEntry, ...args];
}

/**
 * Runs `okf ARGS` as a real child process: what a crash, an exit from deep inside, or a stack
 * overflow really does to the process is only visible this way.
 */
export function runCliProcess(
  args: readonly string[],
  cwd: string,
  env: Record<string, string>,
  options: { stdin?: string; timeoutMs?: number } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, cliCommand(args), {
      cwd,
      env: { PATH: process.env.PATH ?? "", CI: "true", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 30_000);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal === null ? -1 : 128), stdout, stderr });
    });
    child.stdin.on("error", () => undefined);
    child.stdin.end(options.stdin ?? "");
  });
}
