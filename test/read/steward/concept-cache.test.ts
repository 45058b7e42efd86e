import { rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeFileAtomic } from "../../../src/bundle/atomic-write.js";
import {
  readBundleConcepts,
  type ConceptFileCache,
} from "../../../src/read/steward/concept-files.js";
import { conceptText, writeBundle } from "./steward-fixture.js";

describe("readBundleConcepts with a cache", () => {
  it("parses again only the files that changed, and forgets removed ones", async () => {
    const dir = await writeBundle({
      "knowledge/crm/a.md": conceptText({ id: "sales.crm.a", title: "a" }),
      "knowledge/crm/b.md": conceptText({ id: "sales.crm.b", title: "b" }),
    });
    const bundle = join(dir, "knowledge");
    const cache: ConceptFileCache = new Map();
    const [a1, b1] = await readBundleConcepts(bundle, cache);
    await writeFileAtomic(
      join(bundle, "crm/b.md"),
      conceptText({ id: "sales.crm.b", title: "b2" }),
    );
    const [a2, b2] = await readBundleConcepts(bundle, cache);
    expect(a2).toBe(a1);
    expect(b2).not.toBe(b1);
    expect(b2?.values?.title).toBe("b2");
    rmSync(join(bundle, "crm/a.md"));
    const after = await readBundleConcepts(bundle, cache);
    expect(after.map((concept) => concept.path)).toEqual(["crm/b.md"]);
    expect([...cache.keys()]).toEqual(["crm/b.md"]);
  });
});
