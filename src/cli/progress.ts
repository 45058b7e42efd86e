import { createLogUpdate } from "log-update";

export interface Progress {
  /**
   * A progress line of one task (a source); on a terminal it replaces that task's previous line,
   * and every running task keeps a line of its own.
   */
  line: (message: string, task?: string) => void;
  /** A line that stays (something okf repaired, such as a stale lock it took over). */
  notice: (message: string) => void;
  done: () => void;
}

/** Below this a terminal cannot show a useful line, and redrawing it only scrolls. */
const narrowestTerminal = 20;
/** Redraws at most this often, however many lines the sources send. */
const redrawMilliseconds = 100;

/**
 * Progress goes to stderr: one live line per source on an interactive terminal, plain lines in
 * CI (`CI=true`), when stderr is not a TTY or when the terminal reports no usable width, nothing
 * when the caller passes `silent`.
 */
export function createProgress(
  stream: NodeJS.WriteStream,
  env: NodeJS.ProcessEnv,
  silent = false,
): Progress {
  if (silent) return { line: () => undefined, notice: () => undefined, done: () => undefined };
  const width = stream.columns;
  const interactive = stream.isTTY && !isCi(env) && width >= narrowestTerminal;
  if (!interactive) {
    const write = (message: string) => stream.write(`okf: ${message}\n`);
    return { line: (message) => write(message), notice: write, done: () => undefined };
  }
  return liveProgress(stream, width);
}

function liveProgress(stream: NodeJS.WriteStream, width: number): Progress {
  const draw = createLogUpdate(stream, { showCursor: true });
  const lines = new Map<string, string>();
  let timer: NodeJS.Timeout | undefined;
  const redraw = () => {
    timer = undefined;
    draw([...lines.values()].map((line) => fitted(line, width)).join("\n"));
  };
  return {
    line: (message, task = "") => {
      lines.set(task, message);
      // A timer that outlives the run must not keep the process alive.
      timer ??= setTimeout(redraw, redrawMilliseconds).unref();
    },
    notice: (message) => {
      draw.clear();
      stream.write(`okf: ${message}\n`);
      if (lines.size > 0) redraw();
    },
    done: () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
      draw.clear();
      lines.clear();
    },
  };
}

/** One screen line: longer ones are cut with an ellipsis rather than wrapped. */
function fitted(line: string, width: number): string {
  const flat = line.replace(/\s+/g, " ");
  return flat.length < width ? flat : `${flat.slice(0, width - 2)}…`;
}

function isCi(env: NodeJS.ProcessEnv): boolean {
  return env.CI !== undefined && env.CI !== "" && env.CI !== "false" && env.CI !== "0";
}
