import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ConceptState } from "../../src/bundle/source-state.js";
import { beginStateTransaction } from "../../src/bundle/state-journal.js";
import { KnowledgeFileError } from "../../src/errors.js";
import { frontmatterValues, parseKnowledgeFile } from "../../src/knowledge-file/knowledge-file.js";
import type { EnrichedDataset } from "../../src/model/index.js";
import { BundleFiles } from "../../src/pipeline/bundle-files.js";
import { writeConceptFile } from "../../src/pipeline/write-concept-file.js";
import { loadTemplates } from "../../src/render/templates.js";
import { useTempDirs } from "../bundle/temp-dir.js";
import { sampleAccount, sampleRenderInput } from "../helpers/sample-dataset.js";

const tempDir = useTempDirs();
const templates = loadTemplates();

/** One run's writer over a bundle folder, with its own state transaction as a source run has. */
async function writerFor(bundleDir: string, now: string) {
  const files = new BundleFiles(bundleDir, false);
  const state = await beginStateTransaction(bundleDir, "crm", { dryRun: false });
  return { files, state, templates, now, initial: { steward: "data-platform-team" } };
}

async function runOnce(
  bundleDir: string,
  dataset: EnrichedDataset,
  previous: ConceptState | undefined,
  now = "2026-11-27T02:00:00Z",
) {
  const writer = await writerFor(bundleDir, now);
  const { path, id, pathOf, source } = sampleRenderInput(dataset);
  const written = await writeConceptFile(writer, {
    kept: { dataset, unrefreshed: [] },
    previous,
    render: { path, id, pathOf, source },
  });
  return { written, files: writer.files, path };
}

const finding = {
  path: "segment",
  category: "pii.test",
  confidence: "low" as const,
  evidence: ["name matches"],
};

describe("writeConceptFile", () => {
  it("writes a new file, then renders from the person's Decision, then writes nothing", async () => {
    const bundleDir = await tempDir();
    const dataset = sampleAccount({ findings: [finding] });
    const first = await runOnce(bundleDir, dataset, undefined);
    const file = join(bundleDir, first.path);
    const created = await readFile(file, "utf8");
    if (first.written.keptAsItWas) throw new Error("the file was not merged");
    expect(first.written.merged.action).toBe("created");
    expect(created).toBe(first.written.merged.text);
    expect(frontmatterValues(parseKnowledgeFile(created, "x.md").frontmatter).pii).toBe(true);

    // The Decision read from the file reaches render: the rejected finding turns pii off.
    const rejected = created.replace("| name matches | |", "| name matches | rejected |");
    await writeFile(file, rejected);
    const second = await runOnce(bundleDir, dataset, first.written.entry);
    if (second.written.keptAsItWas) throw new Error("the file was not merged");
    expect(second.written.merged.action).toBe("changed");
    const after = await readFile(file, "utf8");
    expect(after).toContain("| segment | pii.test | low | name matches | rejected |");
    expect(frontmatterValues(parseKnowledgeFile(after, "x.md").frontmatter).pii).toBe(false);

    const third = await runOnce(bundleDir, dataset, second.written.entry, "2026-11-29T02:00:00Z");
    if (third.written.keptAsItWas) throw new Error("the file was not merged");
    expect(third.written.merged.action).toBe("unchanged");
    expect(third.files.written).toBe(0);
    expect(await readFile(file, "utf8")).toBe(after);
  });

  it("leaves a file with broken markers untouched", async () => {
    const bundleDir = await tempDir();
    const dataset = sampleAccount();
    const first = await runOnce(bundleDir, dataset, undefined);
    if (first.written.keptAsItWas) throw new Error("the file was not merged");
    const file = join(bundleDir, first.path);
    const broken = first.written.merged.text.replace("<!-- okf:end schema -->", "");
    await writeFile(file, broken);
    await expect(runOnce(bundleDir, dataset, first.written.entry)).rejects.toThrow(
      KnowledgeFileError,
    );
    expect(await readFile(file, "utf8")).toBe(broken);
  });
});
