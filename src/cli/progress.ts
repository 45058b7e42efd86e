import ora, { type Ora } from "ora";

export interface Progress {
  /** A progress line; on a terminal, the next one replaces it. */
  line: (message: string) => void;
  /** A line that stays (something okf repaired, such as a stale lock it took over). */
  notice: (message: string) => void;
  done: () => void;
}

/**
 * Progress goes to stderr: a live spinner on an interactive terminal, plain lines in CI
 * (`CI=true`) or when stderr is not a TTY, nothing with --quiet-style callers passing `silent`.
 */
export function createProgress(
  stream: NodeJS.WriteStream,
  env: NodeJS.ProcessEnv,
  silent = false,
): Progress {
  if (silent) return { line: () => undefined, notice: () => undefined, done: () => undefined };
  const interactive = stream.isTTY && !isCi(env);
  if (!interactive) {
    const write = (message: string) => stream.write(`okf: ${message}\n`);
    return { line: write, notice: write, done: () => undefined };
  }
  let spinner: Ora | undefined;
  return {
    line: (message) => {
      spinner ??= ora({ stream, color: env.NO_COLOR ? false : "cyan", isEnabled: true }).start();
      spinner.text = message;
    },
    notice: (message) => {
      if (!spinner) stream.write(`okf: ${message}\n`);
      else spinner.stopAndPersist({ symbol: "okf:", text: message });
      spinner = undefined;
    },
    done: () => {
      spinner?.stop();
      spinner = undefined;
    },
  };
}

function isCi(env: NodeJS.ProcessEnv): boolean {
  return env.CI !== undefined && env.CI !== "" && env.CI !== "false" && env.CI !== "0";
}
