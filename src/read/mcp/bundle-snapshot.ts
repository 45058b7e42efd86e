import { UsageError } from "../../errors.js";
import { toConceptRecord } from "../concepts/read-concept-records.js";
import type { ConceptRecord } from "../concepts/concept-record.js";
import {
  readBundleConcepts,
  type ConceptFile,
  type ConceptFileCache,
} from "../steward/concept-files.js";
import { findConcepts } from "../steward/find-concepts.js";

/** One concept as read for a tool call: the file and its record. */
export interface SnapshotEntry {
  concept: ConceptFile;
  record: ConceptRecord;
}

/**
 * The bundle as it is on disk now. Tools read it on every call: people and `okf extract` change
 * files while the server runs, and a stale answer about governance is worse than a slow one.
 */
export class BundleSnapshot {
  private constructor(
    readonly bundleDir: string,
    /** Every concept file, readable or not: naming an unreadable one gets its own error. */
    private readonly concepts: readonly ConceptFile[],
    readonly entries: readonly SnapshotEntry[],
  ) {}

  static async read(
    bundleDir: string,
    now: Date,
    cache?: ConceptFileCache,
  ): Promise<BundleSnapshot> {
    const concepts = await readBundleConcepts(bundleDir, cache);
    const entries: SnapshotEntry[] = [];
    for (const concept of concepts) {
      const record = toConceptRecord(concept, now);
      if (record) entries.push({ concept, record });
    }
    return new BundleSnapshot(bundleDir, concepts, entries);
  }

  get records(): ConceptRecord[] {
    return this.entries.map((entry) => entry.record);
  }

  byPath(path: string): SnapshotEntry | undefined {
    return this.entries.find((entry) => entry.record.path === path);
  }

  /**
   * The concept an id or bundle path names. Throws a `UsageError` (with suggestions) for names
   * that match nothing, and for paths that leave the bundle.
   */
  find(idOrPath: string): SnapshotEntry {
    let concept: ConceptFile | undefined;
    try {
      // Paths are taken relative to the bundle root, never to the server's working directory.
      [concept] = findConcepts(this.concepts, [idOrPath], {
        bundleDir: this.bundleDir,
        cwd: this.bundleDir,
      });
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      throw new UsageError(error.message.replace(/^Nothing was done: /, ""), findHint);
    }
    if (concept === undefined) {
      throw new UsageError(`${JSON.stringify(idOrPath)} names no concept.`, findHint);
    }
    const entry = this.byPath(concept.path);
    if (entry === undefined) {
      throw new UsageError(
        `${concept.path} cannot be read: ${concept.problem ?? "its frontmatter is not usable"}.`,
        "Ask the bundle's owners to repair the file; `okf validate` shows what is wrong.",
      );
    }
    return entry;
  }
}

const findHint =
  "Pass a concept id (sales.crm.customer_account) or its path in the bundle (crm/postgres/sales/customer_account.md); search_concepts and list_concepts return both.";
