import { chmod, mkdir, readdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { writeFileAtomic } from "../../src/bundle/atomic-write.js";
import { useTempDirs } from "./temp-dir.js";

// rename is wrapped so a test can make it fail, the way a crash between writing and renaming would.
vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs/promises")>();
  return { ...actual, rename: vi.fn(actual.rename) };
});

const makeTempDir = useTempDirs();

describe("writeFileAtomic", () => {
  it("creates missing folders and writes the content, leaving no temporary file", async () => {
    const dir = await makeTempDir();
    const target = join(dir, "crm", "crm_prod", "sales", "customer_account.md");
    await writeFileAtomic(target, "# customer_account\n€ prix\n");
    expect(await readFile(target, "utf8")).toBe("# customer_account\n€ prix\n");
    expect(await readdir(join(dir, "crm", "crm_prod", "sales"))).toEqual(["customer_account.md"]);
  });

  it("replaces an existing file and keeps its permissions", async () => {
    const dir = await makeTempDir();
    const target = join(dir, "index.md");
    await writeFile(target, "old\n");
    await chmod(target, 0o640);
    await writeFileAtomic(target, "new\n");
    expect(await readFile(target, "utf8")).toBe("new\n");
    expect((await stat(target)).mode & 0o777).toBe(0o640);
  });

  it("leaves the old file intact and removes the temporary file when the rename fails", async () => {
    const dir = await makeTempDir();
    const target = join(dir, "customer_account.md");
    await writeFile(target, "old content\n");
    vi.mocked(rename).mockRejectedValueOnce(
      Object.assign(new Error("EIO: simulated crash during rename"), { code: "EIO" }),
    );
    await expect(writeFileAtomic(target, "new content that must not appear\n")).rejects.toThrow(
      "simulated crash",
    );
    expect(await readFile(target, "utf8")).toBe("old content\n");
    expect(await readdir(dir)).toEqual(["customer_account.md"]);
    // The next write goes through normally.
    await writeFileAtomic(target, "new content\n");
    expect(await readFile(target, "utf8")).toBe("new content\n");
  });

  it("fails without touching anything when the target is a folder", async () => {
    const dir = await makeTempDir();
    await mkdir(join(dir, "sub"));
    await writeFile(join(dir, "sub", "keep.md"), "keep\n");
    await expect(writeFileAtomic(join(dir, "sub"), "x")).rejects.toThrow();
    expect(await readdir(dir)).toEqual(["sub"]);
    expect(await readdir(join(dir, "sub"))).toEqual(["keep.md"]);
  });

  it("never exposes a partly written file to a concurrent reader", async () => {
    const dir = await makeTempDir();
    const target = join(dir, "big.md");
    const versions = ["a", "b", "c", "d"].map((char) => char.repeat(2_000_000));
    await writeFileAtomic(target, versions[0] ?? "");
    const writes = Promise.all(versions.map((content) => writeFileAtomic(target, content)));
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) seen.add(await readFile(target, "utf8"));
    await writes;
    for (const content of seen) expect(versions).toContain(content);
    expect((await readdir(dir)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });
});
