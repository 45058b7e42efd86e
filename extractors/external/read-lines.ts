import { readFile, stat } from "node:fs/promises";
import { isAbsolute, resolve } from "node:path";
import type { ExternalSourceConfig } from "./config-schema.js";
import { SourceError, errorMessage } from "../../src/errors.js";
import { redact } from "../../src/secrets.js";
import type { ExtractContext } from "../extractor.js";
import { runProgram } from "./run-program.js";

/** What the source's program printed, or its file holds: the dataset lines, undecoded. */
export async function readDatasetLines(
  config: ExternalSourceConfig,
  context: ExtractContext,
): Promise<Buffer> {
  const maxBytes = config.max_output_mib * 1024 * 1024;
  if (config.command !== undefined) {
    const [executable = "", ...args] = config.command;
    // A path (not a name looked up on PATH) is relative to the folder the program runs in.
    const program =
      executable.includes("/") && config.working_dir !== undefined && !isAbsolute(executable)
        ? resolve(config.working_dir, executable)
        : executable;
    return runProgram({
      argv: [program, ...args],
      cwd: config.working_dir,
      timeoutSeconds: config.timeout_seconds,
      maxBytes,
      onStderrLine: (line) => {
        context.onProgress(`${config.name}: ${line}`);
      },
    });
  }
  return readLinesFile(config.file ?? "", maxBytes, config.max_output_mib);
}

async function readLinesFile(file: string, maxBytes: number, maxMib: number): Promise<Buffer> {
  try {
    const { size } = await stat(file);
    if (size > maxBytes) {
      throw new SourceError(
        `${file} holds more than ${String(maxMib)} MiB (max_output_mib).`,
        "Raise max_output_mib, or split the file into several external sources.",
      );
    }
    return await readFile(file);
  } catch (error) {
    if (error instanceof SourceError) throw error;
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    throw new SourceError(
      missing
        ? `${file} does not exist.`
        : `${file} cannot be read: ${redact(errorMessage(error))}`,
      "`file` is relative to the config file's folder; check the path and its permissions.",
    );
  }
}
