import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach } from "vitest";
import {
  validateBundle,
  type ValidateOptions,
  type ValidationReport,
} from "../../../src/read/validate/index.js";

const created: string[] = [];

afterEach(async () => {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Writes a bundle of `path → content` files into a fresh temporary folder. */
export async function writeBundle(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "okf-validate-"));
  created.push(dir);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

export const now = new Date("2026-12-01T00:00:00Z");

export async function validate(
  files: Record<string, string>,
  options: ValidateOptions = {},
): Promise<ValidationReport> {
  return validateBundle(await writeBundle(files), { now, ...options });
}

/** `file:line rule` of every finding, for compact assertions. */
export function places(report: ValidationReport, rulePrefix = ""): string[] {
  return report.findings
    .filter((finding) => finding.rule.startsWith(rulePrefix))
    .map((finding) => `${finding.file}:${finding.line ?? "-"} ${finding.rule}`);
}

/** A concept file: the given frontmatter lines (type first unless given) and body. */
export function concept(frontmatter: string[], body = "# thing\n"): string {
  const lines = frontmatter.some((line) => line.startsWith("type:"))
    ? frontmatter
    : ["type: PostgreSQL Table", ...frontmatter];
  return `---\n${lines.join("\n")}\n---\n${body}`;
}
