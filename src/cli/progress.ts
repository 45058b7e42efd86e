import ora, { type Ora } from "ora";

export interface Progress {
  line: (message: string) => void;
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
  if (silent) return { line: () => undefined, done: () => undefined };
  const interactive = stream.isTTY && !isCi(env);
  if (!interactive) {
    return {
      line: (message) => stream.write(`okf: ${message}\n`),
      done: () => undefined,
    };
  }
  let spinner: Ora | undefined;
  return {
    line: (message) => {
      spinner ??= ora({ stream, color: env.NO_COLOR ? false : "cyan", isEnabled: true }).start();
      spinner.text = message;
    },
    done: () => {
      spinner?.stop();
      spinner = undefined;
    },
  };
}

export function isCi(env: NodeJS.ProcessEnv): boolean {
  return env.CI !== undefined && env.CI !== "" && env.CI !== "false" && env.CI !== "0";
}
