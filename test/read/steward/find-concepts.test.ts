import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../../src/errors.js";
import { closestNames } from "../../../src/read/steward/closest-names.js";
import { readBundleConcepts } from "../../../src/read/steward/concept-files.js";
import { findConcepts } from "../../../src/read/steward/find-concepts.js";
import { conceptText, writeBundle } from "./steward-fixture.js";

async function bundleWithProject() {
  const project = await writeBundle({
    "knowledge/index.md": '---\nokf_version: "0.2"\n---\n# Bundle\n',
    "knowledge/log.md": "# Knowledge Update Log\n",
    "knowledge/crm/index.md": "# crm\n",
    "knowledge/crm/crm_prod/sales/customer_account.md": conceptText({
      id: "sales.crm.customer_account",
      title: "customer_account",
    }),
    "knowledge/crm/crm_prod/sales/territory.md": conceptText({ id: "sales.crm.territory" }),
    "knowledge/orders/order_events.md": conceptText({ id: "commerce.orders.order_events" }),
    "knowledge/scratch/notes.md": conceptText({ id: "scratch.notes" }),
    "knowledge/.okfignore": "scratch/\n",
  });
  const bundleDir = join(project, "knowledge");
  const concepts = await readBundleConcepts(bundleDir);
  return { project, bundleDir, concepts };
}

function usageMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message;
  }
  throw new Error("expected a UsageError");
}

describe("findConcepts", () => {
  it("resolves ids, bundle paths with or without .md, and filesystem paths from cwd, each once, in order", async () => {
    const { project, bundleDir, concepts } = await bundleWithProject();
    expect(concepts.map((concept) => concept.path)).toEqual([
      "crm/crm_prod/sales/customer_account.md",
      "crm/crm_prod/sales/territory.md",
      "orders/order_events.md",
    ]);
    const found = findConcepts(
      concepts,
      [
        "orders/order_events",
        "sales.crm.customer_account",
        "knowledge/crm/crm_prod/sales/territory.md",
        "crm/crm_prod/sales/customer_account.md",
      ],
      { bundleDir, cwd: project },
    );
    expect(found.map((concept) => concept.path)).toEqual([
      "orders/order_events.md",
      "crm/crm_prod/sales/customer_account.md",
      "crm/crm_prod/sales/territory.md",
    ]);
    const fromSubfolder = join(bundleDir, "crm", "crm_prod");
    await mkdir(fromSubfolder, { recursive: true });
    expect(
      findConcepts(concepts, ["sales/territory.md", join(bundleDir, "orders/order_events.md")], {
        bundleDir,
        cwd: fromSubfolder,
      }).map((concept) => concept.path),
    ).toEqual(["crm/crm_prod/sales/territory.md", "orders/order_events.md"]);
  });

  it("names every bad argument in one usage error, with close suggestions", async () => {
    const { project, bundleDir, concepts } = await bundleWithProject();
    const message = usageMessage(() =>
      findConcepts(
        concepts,
        [
          "sales.crm.territory",
          "sales.crm.custmer_account",
          "customer_account",
          "../x",
          "index.md",
          "knowledge/log.md",
          "scratch/notes",
          "nothing_like_it",
          " ",
        ],
        { bundleDir, cwd: project },
      ),
    );
    expect(message).toContain("(8 arguments)");
    expect(message).toContain(
      '"sales.crm.custmer_account" is neither a concept id nor a concept path (did you mean "sales.crm.customer_account"?)',
    );
    expect(message).toContain(
      '"customer_account" is neither a concept id nor a concept path (did you mean "crm/crm_prod/sales/customer_account", "sales.crm.customer_account"?)',
    );
    expect(message).toContain(`"../x" lies outside the bundle ${bundleDir}`);
    expect(message).toContain('"index.md" is the bundle\'s index.md, not a concept');
    expect(message).toContain('"knowledge/log.md" is the bundle\'s log.md, not a concept');
    // Ignored by .okfignore, so not part of the bundle.
    expect(message).toContain('"scratch/notes" is neither a concept id nor a concept path');
    expect(message).toContain('"nothing_like_it" is neither a concept id nor a concept path;');
    expect(message).toContain("an empty argument is not a concept");
  });

  it("refuses an id that several files carry, naming them", async () => {
    const project = await writeBundle({
      "a.md": conceptText({ id: "dup.id" }),
      "b.md": conceptText({ id: "dup.id" }),
    });
    const concepts = await readBundleConcepts(project);
    expect(
      usageMessage(() => findConcepts(concepts, ["dup.id"], { bundleDir: project, cwd: project })),
    ).toContain('"dup.id" is the id of several files (a.md, b.md); name one by its path');
    expect(findConcepts(concepts, ["b"], { bundleDir: project, cwd: project })[0]?.path).toBe(
      "b.md",
    );
  });

  it("asks for at least one concept", async () => {
    const project = await writeBundle({ "a.md": conceptText() });
    expect(usageMessage(() => findConcepts([], [], { bundleDir: project, cwd: project }))).toBe(
      "Name at least one concept.",
    );
  });
});

describe("closestNames", () => {
  const names = [
    "sales.crm.customer_account",
    "sales.crm.customer_account_2019",
    "sales.crm.active_accounts",
    "crm/crm_prod/sales/customer_account",
  ];
  it("finds typos and bare table names, nearest first, at most three", () => {
    expect(closestNames("sales.crm.custmer_account", names)).toEqual([
      "sales.crm.customer_account",
    ]);
    expect(closestNames("customer_acount", names)).toEqual([
      "crm/crm_prod/sales/customer_account",
      "sales.crm.customer_account",
    ]);
    expect(closestNames("zzz", names)).toEqual([]);
    expect(closestNames("a", ["b", "c", "d", "e"])).toEqual(["b", "c", "d"]);
  });
});
