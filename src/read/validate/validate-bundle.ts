import { readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import pLimit from "p-limit";
import { maxKnowledgeFileLength } from "../../knowledge-file/knowledge-file.js";
import { listMarkdownFiles } from "../../bundle/walk-bundle.js";
import { errorMessage, UsageError } from "../../errors.js";
import { listUncheckedFiles, scanForPrivacy } from "./privacy-scan.js";
import { readMarkdownFile } from "../../knowledge-file/markdown-file.js";
import { conceptId, readBundleConcepts } from "../steward/concept-files.js";
import { symbolicLinkFindings } from "./symbolic-links.js";
import { validationRules } from "./rules.js";
import type { RuleContext, ValidateOptions, ValidationFinding, ValidationReport } from "./types.js";

const readConcurrency = 16;

/**
 * Runs every validation rule on every markdown file of the bundle, and the privacy lint on
 * every other file too.
 */
export async function validateBundle(
  bundleDir: string,
  options: ValidateOptions = {},
): Promise<ValidationReport> {
  const root = resolve(bundleDir);
  if (!(await isDirectory(root))) {
    throw new UsageError(
      `The bundle folder ${bundleDir} does not exist.`,
      "Pass the bundle folder (okf validate knowledge), or run from the folder of okf.config.yaml.",
    );
  }
  const files = await listMarkdownFiles(root);
  const context: RuleContext = {
    bundleDir: root,
    now: options.now ?? new Date(),
    markdownFiles: files,
    exists: cachedExists(root),
    conceptIds: once(() => conceptIdsOf(root)),
  };
  const limit = pLimit(readConcurrency);
  // The privacy lint also reads every other file: ignored, hidden or not markdown.
  const unchecked = await listUncheckedFiles(root, new Set(files));
  const perFile = await Promise.all([
    ...files.map((path) => limit(() => validateFile(path, context))),
    ...unchecked.map((path) => limit(() => scanForPrivacy(root, path))),
    symbolicLinkFindings(root),
  ]);
  const findings = perFile
    .flat()
    .map((finding): ValidationFinding =>
      options.strict && finding.severity === "warning"
        ? { ...finding, severity: "error" }
        : finding,
    );
  findings.sort(compareFindings);
  const errorCount = findings.filter((finding) => finding.severity === "error").length;
  return {
    bundle: bundleDir,
    files: files.length,
    findings,
    errorCount,
    warningCount: findings.length - errorCount,
  };
}

async function validateFile(path: string, context: RuleContext): Promise<ValidationFinding[]> {
  let raw: string;
  try {
    raw = await readFile(join(context.bundleDir, path), "utf8");
  } catch (error) {
    return [
      {
        file: path,
        rule: "okf/unreadable",
        severity: "error",
        message: `the file cannot be read: ${errorMessage(error)}`,
        hint: "Check the file's permissions.",
      },
    ];
  }
  if (raw.length > maxKnowledgeFileLength) return [tooLarge(path)];
  const file = readMarkdownFile(path, raw);
  const findings: ValidationFinding[] = [];
  for (const rule of validationRules) {
    for (const finding of await rule.check(file, context))
      findings.push({ file: path, ...finding });
  }
  return findings;
}

/** A file this large is not read further: no rule could check it in reasonable time. */
function tooLarge(path: string): ValidationFinding {
  return {
    file: path,
    line: 1,
    rule: "okf/too-large",
    severity: "error",
    message: `the file is larger than ${String(maxKnowledgeFileLength / 1024 / 1024)} MiB, far more than okf ever writes, and was not checked further`,
    hint: "Restore the file from git history, or delete it to have it regenerated.",
  };
}

function cachedExists(root: string): RuleContext["exists"] {
  const known = new Map<string, Promise<boolean>>();
  return (bundlePath) => {
    let answer = known.get(bundlePath);
    if (!answer) {
      answer = stat(join(root, bundlePath)).then(
        () => true,
        () => false,
      );
      known.set(bundlePath, answer);
    }
    return answer;
  };
}

function once<T>(compute: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= compute());
}

async function conceptIdsOf(root: string): Promise<ReadonlySet<string>> {
  const ids = new Set<string>();
  for (const concept of await readBundleConcepts(root)) {
    ids.add(concept.path.replace(/\.md$/, ""));
    const id = conceptId(concept);
    if (id !== undefined) ids.add(id);
  }
  return ids;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

function compareFindings(a: ValidationFinding, b: ValidationFinding): number {
  return (
    compareText(a.file, b.file) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    compareText(a.rule, b.rule) ||
    compareText(a.message, b.message)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
