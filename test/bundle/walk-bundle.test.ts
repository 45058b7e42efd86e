import { mkdir, symlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { listMarkdownFiles } from "../../src/bundle/walk-bundle.js";
import { useTempDirs } from "./temp-dir.js";

const makeTempDir = useTempDirs();

async function files(root: string, paths: string[]): Promise<void> {
  for (const path of paths) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), `# ${path}\n`);
  }
}

describe("listMarkdownFiles", () => {
  it("lists every .md file sorted by code point, skipping hidden folders and node_modules", async () => {
    const bundle = await makeTempDir();
    await files(bundle, [
      "index.md",
      "log.md",
      "crm/index.md",
      "crm/crm_prod/sales/customer_account.md",
      "crm/crm_prod/sales/Zebra.md",
      "crm/crm_prod/sales/notes.txt",
      "orders/order_events.md",
      "orders/order_events.MD",
      ".okf/state/crm.md",
      ".git/description.md",
      "node_modules/pkg/README.md",
      "crm/.customer_account.md.1a2b.tmp",
      "crm/.draft.md",
    ]);
    expect(await listMarkdownFiles(bundle)).toEqual([
      "crm/crm_prod/sales/Zebra.md",
      "crm/crm_prod/sales/customer_account.md",
      "crm/index.md",
      "index.md",
      "log.md",
      "orders/order_events.md",
    ]);
  });

  it("honours .okfignore with gitignore syntax", async () => {
    const bundle = await makeTempDir();
    await files(bundle, [
      "README.md",
      "index.md",
      "drafts/a.md",
      "drafts/deep/b.md",
      "crm/README.md",
      "crm/x.scratch.md",
      "crm/keep.scratch.md",
      "crm/t.md",
      "lake/build/out.md",
    ]);
    await writeFile(
      join(bundle, ".okfignore"),
      "# not concepts\n/README.md\ndrafts/\n*.scratch.md\n!keep.scratch.md\nbuild\n",
    );
    expect(await listMarkdownFiles(bundle)).toEqual([
      "crm/README.md",
      "crm/keep.scratch.md",
      "crm/t.md",
      "index.md",
    ]);
  });

  it("does not follow symbolic links out of the bundle", async () => {
    const outside = await makeTempDir();
    const bundle = await makeTempDir();
    await files(outside, ["secret/passwords.md"]);
    await files(bundle, ["crm/t.md"]);
    await symlink(join(outside, "secret"), join(bundle, "linked"), "dir");
    await symlink(join(outside, "secret", "passwords.md"), join(bundle, "crm", "p.md"), "file");
    expect(await listMarkdownFiles(bundle)).toEqual(["crm/t.md"]);
  });

  it("gives an empty list for an empty bundle", async () => {
    expect(await listMarkdownFiles(await makeTempDir())).toEqual([]);
  });
});
