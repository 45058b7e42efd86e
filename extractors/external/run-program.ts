import { spawn } from "node:child_process";
import { SourceError } from "../../src/errors.js";
import { redact } from "../../src/secrets.js";

export interface ProgramRun {
  argv: readonly string[];
  cwd: string | undefined;
  timeoutSeconds: number;
  maxBytes: number;
  /** Each line the program writes on stderr, as it comes. */
  onStderrLine: (line: string) => void;
}

/** Enough stderr to see why a program failed; its lines are cut, it may print anything. */
const stderrTailLines = 5;
const stderrLineChars = 300;

/** One line of a program's stderr, fit for a message: secrets masked, cut to a sane length. */
function stderrLine(line: string): string {
  const redacted = redact(line.trimEnd());
  return redacted.length > stderrLineChars ? `${redacted.slice(0, stderrLineChars)}…` : redacted;
}

const mib = (bytes: number) => `${String(bytes / 1024 / 1024)} MiB`;

/**
 * Runs `argv` without a shell (stdin closed) and returns what it printed on stdout. Throws a
 * SourceError when it cannot start, runs past the timeout, prints more than `maxBytes` or exits
 * other than 0.
 */
export function runProgram(run: ProgramRun): Promise<Buffer> {
  const [executable = "", ...args] = run.argv;
  const child = spawn(executable, args, { cwd: run.cwd, stdio: ["ignore", "pipe", "pipe"] });
  const chunks: Buffer[] = [];
  const tail: string[] = [];
  let size = 0;
  let partial = "";
  let stopped: SourceError | undefined;
  const stop = (error: SourceError) => {
    stopped ??= error;
    child.kill("SIGKILL");
  };
  const onLine = (line: string) => {
    const shown = stderrLine(line);
    if (shown === "") return;
    tail.push(shown);
    if (tail.length > stderrTailLines) tail.shift();
    run.onStderrLine(shown);
  };
  child.stdout.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > run.maxBytes) {
      stop(
        new SourceError(
          `${executable} printed more than ${mib(run.maxBytes)} (max_output_mib); it was stopped.`,
          "Raise max_output_mib, or have the program print fewer datasets (include/exclude are applied after it runs).",
        ),
      );
      return;
    }
    chunks.push(chunk);
  });
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => {
    const lines = (partial + chunk).split("\n");
    partial = lines.pop() ?? "";
    lines.forEach(onLine);
  });
  const timer = setTimeout(() => {
    stop(
      new SourceError(
        `${executable} did not finish within ${String(run.timeoutSeconds)} s (timeout_seconds); it was stopped.`,
        "Raise timeout_seconds, or make the program faster (it runs once a night, before any file is written).",
      ),
    );
  }, run.timeoutSeconds * 1000);
  return new Promise((resolve, reject) => {
    child.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(startError(executable, error));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (partial !== "") onLine(partial);
      if (stopped !== undefined) {
        reject(stopped);
        return;
      }
      if (code === 0) {
        resolve(Buffer.concat(chunks));
        return;
      }
      const how = signal === null ? `exited with code ${String(code)}` : `was killed by ${signal}`;
      const said = tail.length === 0 ? "" : `; the last lines of its stderr:\n${tail.join("\n")}`;
      reject(
        new SourceError(
          `${executable} ${how}${said}`,
          "Run the command by hand in the config file's folder to see why it failed.",
        ),
      );
    });
  });
}

function startError(executable: string, error: NodeJS.ErrnoException): SourceError {
  if (error.code === "ENOENT") {
    return new SourceError(
      `${executable} was not found (command[0] of this external source).`,
      "Give the program's path (relative to working_dir, the config file's folder by default) or a name on PATH; command is run without a shell.",
    );
  }
  if (error.code === "EACCES") {
    return new SourceError(
      `${executable} is not executable.`,
      `Make it executable (chmod +x), or run it through its interpreter: command: [node, ${executable}].`,
    );
  }
  return new SourceError(
    `${executable} could not be started (${error.code ?? "unknown error"}).`,
    "Check command and working_dir of this external source.",
  );
}
