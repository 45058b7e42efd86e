import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { evalJsonSchemaPath } from "../read/eval/eval-json-schema.js";
import { defaultEvalFile } from "../read/eval/eval-file.js";
import { packageFile } from "../package-file.js";

/** The demo bundle's evaluation file, as the package ships it (docs/evaluation.md). */
const shippedEvalFile = "eval/okf.eval.yaml";

/**
 * Copies the demo's evaluation file to DIR/okf.eval.yaml unless one is there, so that `okf eval`
 * works in the demo folder; its schema line points at this installation's schema. False when
 * the file was there already (or the installation lacks it).
 */
export async function writeDemoEvalFileIfAbsent(dir: string): Promise<boolean> {
  const shipped = packageFile(shippedEvalFile);
  if (shipped === undefined) return false;
  const schema = packageFile(evalJsonSchemaPath);
  const body = (await readFile(shipped, "utf8")).replace(/^# yaml-language-server: .*\n/, "");
  const modeline =
    schema === undefined ? "" : `# yaml-language-server: $schema=${pathToFileURL(schema).href}\n`;
  try {
    await writeFile(join(dir, defaultEvalFile), modeline + body, { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}
