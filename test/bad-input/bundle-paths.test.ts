import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, symlinkSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyDemoBundle, startOkfServer, type McpSession } from "../read/mcp/mcp-session.js";
import { extractArgs, shopConfig, useShopDatabase } from "./shop-database.js";
import { defineCases, type BadInputCase, type Project } from "./bad-input-case.js";

/**
 * Nothing okf reads from the bundle may lead a read or a write outside it: not a key of the
 * committed state file `.okf/state/<source>.json` (`../../x.md`, an absolute path), not a
 * symbolic link inside the bundle. In each case a concept-shaped file waits outside the bundle
 * where the path leads, and the harness checks that it, and everything else outside the
 * bundle, is byte for byte unchanged.
 */

const db = useShopDatabase("okf_bundle_paths");
const env = db.env;
const config = shopConfig;
const extract = extractArgs;
let version = 0;

const shopFolder = () => `crm/${db.name()}/shop`;
const stateFile = ".okf/state/crm.json";

interface StateFile {
  version: number;
  concepts: Record<string, { ref: { name: string } } & Record<string, unknown>>;
}

/** A new table comment, so that the next extract must rewrite t_a.md. */
async function changeTheSource(): Promise<void> {
  version++;
  await db.admin(`COMMENT ON TABLE shop.t_a IS 'amounts, version ${String(version)}'`);
}

/** A project after a first clean extract, with a copy of t_b.md at `outside` (project-relative). */
async function extracted(project: Project, outside: readonly string[]): Promise<string> {
  const first = await project.run(extract);
  expect(first.code, first.stderr).toBe(0);
  const concept = project.read(`knowledge/${shopFolder()}/t_b.md`);
  for (const path of outside) project.write(path, concept);
  return concept;
}

/**
 * Adds `key` to the state file with the entry of t_b, renamed to a table the source no longer
 * has: the file at `key` is what extract would read, then rewrite as deprecated.
 */
function addStateKey(project: Project, key: string): void {
  const state = JSON.parse(project.read(`knowledge/${stateFile}`)) as StateFile;
  const entry = state.concepts[`${shopFolder()}/t_b.md`];
  if (!entry) throw new Error("no state entry for t_b");
  state.concepts[key] = { ...entry, ref: { ...entry.ref, name: "gone" } };
  project.write(`knowledge/${stateFile}`, JSON.stringify(state, null, 1));
}

/** The state key is refused with a note, dropped from the rewritten state, and nothing leaks. */
function hostileKey(name: string, key: (project: Project) => string): BadInputCase {
  let hostile = "";
  return {
    name: `state key ${name}`,
    files: { "okf.config.yaml": config },
    prepare: async (project) => {
      // Where `key` leads from the bundle: the root (sentinel's folder) and the project folder.
      await extracted(project, ["../outside.md", "outside.md", "elsewhere/outside.md"]);
      hostile = key(project);
      addStateKey(project, hostile);
    },
    args: extract,
    code: 0,
    on: "stdout",
    message:
      /note \.okf\/state\/crm\.json: entry ".*outside\.md" ignored: it is not a path of this source's concept files/,
    bundle: (project) => {
      const state = JSON.parse(project.read(`knowledge/${stateFile}`)) as StateFile;
      expect(Object.keys(state.concepts)).not.toContain(hostile);
      expect(Object.keys(state.concepts).sort()).toEqual([
        `${shopFolder()}/t_a.md`,
        `${shopFolder()}/t_b.md`,
      ]);
    },
  };
}

/**
 * A link inside the bundle leads outside: extract neither reads nor writes through it, names
 * the file and the link, and exits 1 (a file it left alone, like an unparseable one).
 */
function linkCase(name: string, link: (project: Project) => void, message: RegExp): BadInputCase {
  return {
    name,
    files: { "okf.config.yaml": config },
    prepare: async (project) => {
      await extracted(project, []);
      link(project);
      await changeTheSource();
    },
    args: extract,
    code: 1,
    on: "both",
    message,
    // Inside the bundle the other files are regenerated; outside, nothing may change.
    bundle: () => undefined,
  };
}

const anyName = "[^/]+";
const through = (file: string, link: string) =>
  new RegExp(
    `${file} is reached through the symbolic link ${link}; okf does not read or write through links inside the bundle`,
  );

/** Moves `path` (bundle-relative) out of the bundle and puts a link to it in its place. */
function moveOutAndLink(project: Project, path: string, outside: string): void {
  const target = join(project.root, outside);
  mkdirSync(dirname(target), { recursive: true });
  renameSync(join(project.bundle, path), target);
  symlinkSync(relative(dirname(join(project.bundle, path)), target), join(project.bundle, path));
}

defineCases(
  "state keys that lead outside the source's files",
  [
    hostileKey("../../outside.md (the folder above the project)", () => "../../outside.md"),
    hostileKey("../outside.md (the project folder)", () => "../outside.md"),
    hostileKey("that is an absolute path", (project) => join(project.root, "outside.md")),
    hostileKey("knowledge/../../outside.md", () => "knowledge/../../outside.md"),
    hostileKey("crm/../../outside.md", () => "crm/../../outside.md"),
    hostileKey(
      "escaping from inside the source folder",
      () => `${shopFolder()}/../../../../outside.md`,
    ),
    hostileKey("through a hidden folder", () => "crm/.okf/../../../elsewhere/outside.md"),
    hostileKey("with a backslash", () => "crm\\..\\..\\outside.md"),
    {
      name: "a state journal line that leads outside (as open to editing as the state)",
      files: { "okf.config.yaml": config },
      prepare: async (project) => {
        const concept = await extracted(project, ["../outside.md"]);
        const state = project.read(`knowledge/${stateFile}`);
        const entry = (JSON.parse(state) as StateFile).concepts[`${shopFolder()}/t_b.md`];
        // A journal that matches the committed state and says ../../outside.md got `concept`.
        const journal = [
          { journal: 1, baseHash: sha256(state) },
          { path: "../../outside.md", textHash: sha256(concept), entry },
          { path: `${shopFolder()}/../../../../../outside.md`, textHash: sha256(concept), entry },
        ];
        project.write(
          "knowledge/.okf/state/crm.journal",
          journal.map((line) => `${JSON.stringify(line)}\n`).join(""),
        );
      },
      args: extract,
      code: 0,
      on: "stdout",
      message: /crm: 0 created, 0 changed, 2 unchanged, 0 deprecated/,
      bundle: (project) => {
        const state = JSON.parse(project.read(`knowledge/${stateFile}`)) as StateFile;
        expect(Object.keys(state.concepts).sort()).toEqual([
          `${shopFolder()}/t_a.md`,
          `${shopFolder()}/t_b.md`,
        ]);
        expect(existsSync(join(project.bundle, ".okf/state/crm.journal"))).toBe(false);
      },
    },
  ],
  { env },
);

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

defineCases(
  "symbolic links inside the bundle that lead outside it",
  [
    linkCase(
      "a source's schema folder",
      (project) => {
        moveOutAndLink(project, shopFolder(), "elsewhere/shop");
      },
      through(`crm/${anyName}/shop/t_a\\.md`, `crm/${anyName}/shop`),
    ),
    linkCase(
      "a source folder",
      (project) => {
        moveOutAndLink(project, "crm", "elsewhere/crm");
      },
      through(`crm/${anyName}/shop/t_b\\.md`, "crm"),
    ),
    linkCase(
      "a concept file",
      (project) => {
        moveOutAndLink(project, `${shopFolder()}/t_a.md`, "elsewhere/t_a.md");
      },
      through(`crm/${anyName}/shop/t_a\\.md`, `crm/${anyName}/shop/t_a\\.md`),
    ),
    linkCase(
      "a state key that names a link",
      (project) => {
        project.write("elsewhere/gone.md", project.read(`knowledge/${shopFolder()}/t_b.md`));
        symlinkSync(
          relative(join(project.bundle, shopFolder()), join(project.dir, "elsewhere/gone.md")),
          join(project.bundle, shopFolder(), "gone.md"),
        );
        addStateKey(project, `${shopFolder()}/gone.md`);
      },
      through(`crm/${anyName}/shop/gone\\.md`, `crm/${anyName}/shop/gone\\.md`),
    ),
    linkCase(
      "the state file",
      (project) => {
        moveOutAndLink(project, stateFile, "elsewhere/crm.json");
      },
      through("\\.okf/state/crm\\.json", "\\.okf/state/crm\\.json"),
    ),
    linkCase(
      "the state folder",
      (project) => {
        moveOutAndLink(project, ".okf/state", "elsewhere/state");
      },
      through("\\.okf/state/crm\\.journal", "\\.okf/state"),
    ),
    linkCase(
      "the .okf folder (where the lock goes)",
      (project) => {
        moveOutAndLink(project, ".okf", "elsewhere/okf");
      },
      through("\\.okf/lock", "\\.okf"),
    ),
    linkCase(
      "the root index.md",
      (project) => {
        moveOutAndLink(project, "index.md", "elsewhere/index.md");
      },
      through("index\\.md", "index\\.md"),
    ),
    linkCase(
      "a folder's index.md",
      (project) => {
        moveOutAndLink(project, `${shopFolder()}/index.md`, "elsewhere/index.md");
      },
      through(`crm/${anyName}/shop/index\\.md`, `crm/${anyName}/shop/index\\.md`),
    ),
    linkCase(
      "log.md",
      (project) => {
        moveOutAndLink(project, "log.md", "elsewhere/log.md");
      },
      through("log\\.md", "log\\.md"),
    ),
    linkCase(
      ".okfignore",
      (project) => {
        project.write("elsewhere/okfignore", "drafts/\n");
        symlinkSync("../elsewhere/okfignore", join(project.bundle, ".okfignore"));
      },
      through("\\.okfignore", "\\.okfignore"),
    ),
  ],
  { env },
);

/** The demo bundle with its finance folder and one concept file behind links to outside. */
function linkDemoBundle(project: Project): void {
  moveOutAndLink(project, "crm/postgres/finance", "elsewhere/finance");
  symlinkSync("../elsewhere/finance/invoice.md", join(project.bundle, "linked.md"));
}

const linkWarning = (path: string) =>
  new RegExp(
    `knowledge/${path} {2}warning {2}okf/symbolic-link {2}a symbolic link: okf does not read or write through links inside the bundle`,
  );

defineCases("validate and search skip links inside the bundle, as extract does", [
  {
    name: "validate warns of each link and reads nothing behind it",
    demoBundle: true,
    prepare: linkDemoBundle,
    args: ["validate", "knowledge"],
    code: 0,
    on: "stdout",
    message: linkWarning("crm/postgres/finance"),
    check: (run) => {
      expect(run.stdout).toMatch(linkWarning("linked\\.md"));
      expect(run.stdout).not.toMatch(
        /knowledge\/crm\/postgres\/finance\/|linked\.md: |linked\.md:\d/,
      );
    },
  },
  {
    name: "search finds nothing behind a link",
    demoBundle: true,
    prepare: linkDemoBundle,
    args: ["search", "invoice", "--bundle", "knowledge", "--json"],
    code: 0,
    on: "stdout",
    message: /"hits"/,
    check: (run) => {
      expect(run.stdout).not.toMatch(/finance\/invoice|linked\.md/);
    },
  },
  {
    name: "validate refuses a linked .okfignore, naming it",
    demoBundle: true,
    prepare: (project) => {
      project.write("elsewhere/okfignore", "crm/\n");
      symlinkSync("../elsewhere/okfignore", join(project.bundle, ".okfignore"));
    },
    args: ["validate", "knowledge"],
    code: 1,
    message: through("\\.okfignore", "\\.okfignore"),
  },
]);

describe("the MCP server skips links inside the bundle, as extract does", () => {
  let session: McpSession;
  const { dir, bundle } = copyDemoBundle();

  beforeAll(async () => {
    const outside = join(dir, "elsewhere", "finance");
    mkdirSync(dirname(outside), { recursive: true });
    renameSync(join(bundle, "crm/postgres/finance"), outside);
    symlinkSync("../../../elsewhere/finance", join(bundle, "crm/postgres/finance"));
    symlinkSync("../elsewhere/finance/invoice.md", join(bundle, "linked.md"));
    session = await startOkfServer(["serve", "--mcp", "--bundle", "knowledge"], { cwd: dir });
  });

  afterAll(async () => {
    await session.close();
  });

  it("lists, searches and reads nothing behind a link", async () => {
    const all = await session.call("list_concepts", { limit: 100 });
    const paths = (all.structured?.concepts as Array<{ path: string }>).map((c) => c.path);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((path) => path.includes("finance") || path === "linked.md")).toEqual([]);
    const found = await session.call("search_concepts", { query: "invoice" });
    expect(found.text).not.toMatch(/finance\/invoice|linked\.md/);
    for (const id of ["crm/postgres/finance/invoice", "linked"]) {
      const read = await session.call("read_concept", { id });
      expect(read.isError, id).toBe(true);
      expect(read.text, id).toMatch(/is neither a concept id nor a concept path/);
    }
  });
});
