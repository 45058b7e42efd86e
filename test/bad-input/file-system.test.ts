import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { extractArgs, shopConfig, useShopDatabase } from "./shop-database.js";
import { defineCases, runBadInputCase, type BadInputCase, type Project } from "./bad-input-case.js";
import { snapshotTree, treeChanges, type TreeSnapshot } from "./tree-snapshot.js";

/**
 * The file system refuses what extract must read or write: a folder where a file must be, a
 * file that cannot be replaced, a full disk. Each is a clear message naming the path with exit
 * 4 (never the internal-error exit 70), and nothing outside the bundle changes.
 */

const db = useShopDatabase("okf_file_system");
const env = db.env;
const config = shopConfig;
const extract = extractArgs;
const isRoot = process.getuid?.() === 0;

const conceptPath = () => `crm/${db.name()}/shop/t_a.md`;

/** A project whose bundle a first, clean extract wrote; `fault` then damages it. */
function faultCase(
  name: string,
  fault: (project: Project) => void | Promise<void>,
  expected: Pick<BadInputCase, "code" | "message"> & Partial<BadInputCase>,
): BadInputCase {
  return {
    name,
    files: { "okf.config.yaml": config },
    prepare: async (project) => {
      const first = await project.run(extract);
      expect(first.code, first.stderr).toBe(0);
      await fault(project);
    },
    args: extract,
    ...expected,
  };
}

const replaceByFolder = (project: Project, path: string) => {
  const full = join(project.bundle, path);
  rmSync(full, { recursive: true, force: true });
  mkdirSync(join(full, "inside"), { recursive: true });
  writeFileSync(join(full, "inside", "keep.txt"), "a person's file\n");
};

defineCases(
  "the file system refuses a path extract needs",
  [
    faultCase(
      "a concept path that is a folder",
      (p) => {
        replaceByFolder(p, conceptPath());
      },
      {
        code: 4,
        message: /t_a\.md.*folder/,
      },
    ),
    faultCase(
      "the root index.md that is a folder",
      (p) => {
        replaceByFolder(p, "index.md");
      },
      {
        code: 4,
        message: /index\.md.*folder/,
      },
    ),
    faultCase(
      "the state file that is a folder",
      (p) => {
        replaceByFolder(p, ".okf/state/crm.json");
      },
      {
        code: 4,
        message: /crm\.json.*folder/,
      },
    ),
    faultCase(
      "a concept path that is a named pipe (must not wait for a writer)",
      (p) => {
        rmSync(join(p.bundle, conceptPath()));
        execFileSync("mkfifo", [join(p.bundle, conceptPath())]);
      },
      {
        code: 4,
        message: /t_a\.md: it is a device or socket, not a file \(ENXIO\)/,
        withinMs: 20_000,
      },
    ),
    faultCase(
      "the lock path that is a named pipe",
      (p) => {
        execFileSync("mkfifo", [join(p.bundle, ".okf/lock")]);
      },
      { code: 4, message: /\.okf\/lock: it is a device or socket, not a file \(ENXIO\)/ },
    ),
    faultCase(
      "the lock path that is a folder",
      (p) => {
        replaceByFolder(p, ".okf/lock");
      },
      {
        code: 4,
        message: /lock.*folder/,
      },
    ),
  ],
  { env },
);

let version = 0;

/** A new table comment, so that the next extract must rewrite t_a.md. */
async function changeTheSource(): Promise<void> {
  version++;
  await db.admin(`COMMENT ON TABLE shop.t_a IS 'amounts, version ${String(version)}'`);
}

/**
 * The bundle may change only where the failed run's state journal lives (the next run
 * completes it); every concept, index and log file is byte for byte as before, and no
 * temporary file is left.
 */
function onlyTheJournalChanged(before: () => TreeSnapshot): (project: Project) => void {
  return (project) => {
    const changes = treeChanges(before(), snapshotTree(project.bundle));
    expect(changes.filter((change) => !change.endsWith(".okf/state/crm.journal"))).toEqual([]);
  };
}

/**
 * Makes a file or folder unwritable: chattr +i as root (chmod does not stop root), else chmod.
 * Without the capability to set the flag (a container), `skip` says why.
 */
function makeUnwritable(path: string, skip: (reason: string) => never): () => void {
  if (isRoot) {
    try {
      execFileSync("chattr", ["+i", path], { stdio: "pipe" });
    } catch (error) {
      skip(`chattr +i is refused here (${String(error)}), and chmod does not stop root`);
    }
    return () => execFileSync("chattr", ["-i", path]);
  }
  execFileSync("chmod", ["a-w", path]);
  return () => execFileSync("chmod", ["u+w", path]);
}

describe("the file system refuses a write", () => {
  let undo: Array<() => void> = [];
  afterEach(() => {
    for (const step of undo.reverse()) step();
    undo = [];
  });
  const skipper =
    (context: { skip: () => void }) =>
    (reason: string): never => {
      console.warn(`skipped: ${reason}`);
      context.skip();
      throw new Error("unreachable: skip() throws");
    };

  it("an unwritable concept file (immutable): exit 4 naming it, the file untouched", async (context) => {
    if (!isRoot) {
      // chmod a-w does not stop an atomic write: rename replaces the file, as git does.
      console.warn("skipped: without root, chattr +i is not available to make a file immutable");
      context.skip();
    }
    let before: TreeSnapshot = new Map();
    await runBadInputCase(
      faultCase(
        "immutable",
        async (project) => {
          undo.push(makeUnwritable(join(project.bundle, conceptPath()), skipper(context)));
          await changeTheSource();
          before = snapshotTree(project.bundle);
        },
        {
          code: 4,
          message:
            /cannot write knowledge\/crm\/.*\/t_a\.md: the operation is not permitted .*\(EPERM\)/,
          bundle: onlyTheJournalChanged(() => before),
        },
      ),
      { env },
    );
  });

  it("an unwritable folder: exit 4 naming the file, nothing written; writable again, the next run completes", async (context) => {
    let before: TreeSnapshot = new Map();
    let faulted: Project | undefined;
    await runBadInputCase(
      faultCase(
        "read-only folder",
        async (project) => {
          faulted = project;
          undo.push(makeUnwritable(join(project.bundle, dirname(conceptPath())), skipper(context)));
          await changeTheSource();
          before = snapshotTree(project.bundle);
        },
        {
          code: 4,
          message: isRoot
            ? /cannot write knowledge\/crm\/.*\/t_a\.md: the operation is not permitted .*\(EPERM\)/
            : /cannot write knowledge\/crm\/.*\/t_a\.md: permission denied \(EACCES\)/,
          bundle: onlyTheJournalChanged(() => before),
        },
      ),
      { env },
    );
    for (const step of undo.splice(0).reverse()) step();
    if (!faulted) throw new Error("the case did not run");
    const next = await faulted.run(extract);
    expect(next.code, next.stderr).toBe(0);
    expect(faulted.read(`knowledge/${conceptPath()}`)).toContain(`version ${String(version)}`);
    expect(existsSync(join(faulted.bundle, ".okf/state/crm.journal"))).toBe(false);
  });

  const fullDisks: Array<{ name: string; free: number; message: RegExp }> = [
    { name: "no byte free: the lock cannot be written", free: 0, message: /\.okf\/lock/ },
    {
      name: "two pages free: the lock and the journal fit, the concept file does not",
      free: 8192,
      message: /t_a\.md/,
    },
  ];
  for (const disk of fullDisks) {
    it(`a full disk (a 200 KiB tmpfs), ${disk.name}: exit 4, every file whole`, async (context) => {
      let before: TreeSnapshot = new Map();
      const testCase = faultCase(
        "disk full",
        async (project) => {
          fillTheDisk(join(project.bundle, "filler.bin"), disk.free);
          await changeTheSource();
          before = snapshotTree(project.bundle);
        },
        {
          code: 4,
          message: new RegExp(`${disk.message.source}.*the disk is full \\(ENOSPC\\)`),
          bundle: onlyTheJournalChanged(() => before),
        },
      );
      const firstRun = testCase.prepare;
      testCase.prepare = async (project) => {
        mkdirSync(project.bundle);
        try {
          execFileSync("mount", ["-t", "tmpfs", "-o", "size=200k", "tmpfs", project.bundle], {
            stdio: "pipe",
          });
        } catch (error) {
          console.warn(`skipped: mounting a small tmpfs is not permitted here (${String(error)})`);
          context.skip();
        }
        undo.push(() => execFileSync("umount", [project.bundle]));
        await firstRun?.(project);
      };
      await runBadInputCase(testCase, { env });
    });
  }
});

/** Writes until the file system is full, then gives back `free` bytes. */
function fillTheDisk(path: string, free: number): void {
  try {
    writeFileSync(path, Buffer.alloc(1024 * 1024, 1));
  } catch (error) {
    if (!(error instanceof Error && "code" in error && error.code === "ENOSPC")) throw error;
  }
  if (free > 0) truncateSync(path, Math.max(0, statSync(path).size - free));
}
