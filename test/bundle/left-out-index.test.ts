import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { updateIndexFiles } from "../../src/bundle/index-files.js";
import { parseSourceState, serializeSourceState } from "../../src/bundle/source-state.js";
import { useTempDirs } from "./temp-dir.js";

const makeTempDir = useTempDirs();

async function put(bundle: string, path: string, text: string): Promise<void> {
  await mkdir(dirname(join(bundle, path)), { recursive: true });
  await writeFile(join(bundle, path), text);
}

const leftOut = {
  what: "owned by an extension, not documented",
  objects: [
    { name: "public.spatial_ref_sys", owner: "postgis" },
    { name: "public.pg_stat_statements", owner: "pg_stat_statements" },
    { name: "x.<!-- `y`", owner: "postgis" },
  ],
  hint: "Set extension_objects: true on the source to document them too.",
};

describe("objects a source left out, in its folder's index", () => {
  it("keeps only well-formed notes from a state file, and writes none when there are none", () => {
    const text = JSON.stringify({
      version: 1,
      concepts: {},
      leftOut: [leftOut, { what: 1 }, { what: "x", hint: "y", objects: [{ name: 2 }] }],
    });
    const state = parseSourceState(text, "crm");
    expect(state.leftOut).toEqual([leftOut]);
    expect(serializeSourceState({ version: 1, concepts: {} })).toBe(
      '{\n "version": 1,\n "concepts": {}\n}\n',
    );
  });

  it("lists them once, by owner, escaped, in the source folder's index only", async () => {
    const bundle = await makeTempDir();
    await put(bundle, "crm/db/public/visit.md", "---\ntitle: visit\n---\n# visit\n");
    await put(
      bundle,
      ".okf/state/crm.json",
      serializeSourceState({ version: 1, concepts: {}, leftOut: [leftOut] }),
    );
    await updateIndexFiles(bundle);
    const index = await readFile(join(bundle, "crm/index.md"), "utf8");
    expect(index).toContain(
      "## Left Out\n\n* 3 objects owned by an extension, not documented (pg_stat_statements: " +
        "public.pg_stat_statements; postgis: public.spatial_ref_sys, x.\\<!-- \\`y\\`). Set " +
        "extension_objects: true on the source to document them too.\n<!-- okf:end index -->",
    );
    for (const path of ["index.md", "crm/db/index.md", "crm/db/public/index.md"]) {
      expect(await readFile(join(bundle, path), "utf8")).not.toContain("Left Out");
    }
  });
});
