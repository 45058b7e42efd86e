import { mkdir, readFile, stat, utimes, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { initialRootIndexText, updateIndexFiles } from "../../src/bundle/index-files.js";
import { KnowledgeFileError } from "../../src/errors.js";
import { useTempDirs } from "./temp-dir.js";

const makeTempDir = useTempDirs();

async function put(bundle: string, path: string, text: string): Promise<void> {
  await mkdir(dirname(join(bundle, path)), { recursive: true });
  await writeFile(join(bundle, path), text);
}

function concept(fields: Record<string, string>): string {
  const yaml = Object.entries(fields)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join("\n");
  return `---\ntype: PostgreSQL Table\n${yaml}\n---\n# body\n`;
}

async function read(bundle: string, path: string): Promise<string> {
  return readFile(join(bundle, path), "utf8");
}

/** A small bundle shaped like docs/knowledge-files.md describes. */
async function sampleBundle(): Promise<string> {
  const bundle = await makeTempDir();
  await put(
    bundle,
    "crm/crm_prod/sales/customer_account.md",
    concept({
      title: "customer_account",
      description: "Customer accounts synchronised\nfrom Salesforce.",
    }),
  );
  await put(bundle, "crm/crm_prod/sales/invoice.md", concept({ title: "invoice" }));
  await put(
    bundle,
    "crm/crm_prod/sales/legacy_lead.md",
    concept({
      title: "legacy_lead",
      description: "Leads before 2020.",
      approval_status: "deprecated",
    }),
  );
  await put(bundle, "crm/crm_prod/sales/broken.md", "---\ntitle: [unclosed\n---\n# broken\n");
  await put(
    bundle,
    "crm/crm_prod/sales/odd.md",
    concept({
      title: "a](evil.md) [b\nnext",
      description: "- not a bullet <!-- okf:end index -->",
    }),
  );
  await put(bundle, "orders/order_events.md", concept({ title: "order_events" }));
  await put(bundle, ".okf/state/crm.md", "not a concept");
  return bundle;
}

describe("updateIndexFiles", () => {
  it("writes an index.md in the root and every folder that holds concepts", async () => {
    const bundle = await sampleBundle();
    expect(await updateIndexFiles(bundle, {})).toEqual([
      "index.md",
      "crm/index.md",
      "crm/crm_prod/index.md",
      "crm/crm_prod/sales/index.md",
      "orders/index.md",
    ]);
    expect(await read(bundle, "crm/crm_prod/sales/index.md")).toBe(
      [
        "# sales",
        "",
        "<!-- okf:begin index -->",
        "## Concepts",
        "",
        "* [broken](broken.md)",
        "* [customer_account](customer_account.md) - Customer accounts synchronised from Salesforce.",
        "* [invoice](invoice.md)",
        "* [a\\](evil.md) \\[b next](odd.md) - - not a bullet \\<!-- okf:end index -->",
        "",
        "## Deprecated",
        "",
        "* [legacy_lead](legacy_lead.md) - Leads before 2020.",
        "<!-- okf:end index -->",
        "",
      ].join("\n"),
    );
    expect(await read(bundle, "index.md")).toBe(
      [
        "---",
        'okf_version: "0.2"',
        "---",
        "# Knowledge",
        "",
        "<!-- okf:begin index -->",
        "## Folders",
        "",
        "* [crm](crm/index.md) - 5 concepts",
        "* [orders](orders/index.md) - 1 concept",
        "<!-- okf:end index -->",
        "",
      ].join("\n"),
    );
    expect(await read(bundle, "crm/index.md")).toBe(
      "# crm\n\n<!-- okf:begin index -->\n## Folders\n\n* [crm_prod](crm_prod/index.md) - 5 concepts\n<!-- okf:end index -->\n",
    );
  });

  it("writes nothing on a second run over an unchanged bundle", async () => {
    const bundle = await sampleBundle();
    const first = await updateIndexFiles(bundle, {});
    const past = new Date("2020-01-01T00:00:00Z");
    for (const path of first) await utimes(join(bundle, path), past, past);
    expect(await updateIndexFiles(bundle, {})).toEqual([]);
    for (const path of first) {
      expect((await stat(join(bundle, path))).mtime.getTime()).toBe(past.getTime());
    }
  });

  it("rewrites only the indexes whose listing changed", async () => {
    const bundle = await sampleBundle();
    await updateIndexFiles(bundle, {});
    await put(bundle, "orders/carts.md", concept({ title: "carts", description: "Open carts." }));
    expect(await updateIndexFiles(bundle, {})).toEqual(["index.md", "orders/index.md"]);
    expect(await read(bundle, "orders/index.md")).toContain("* [carts](carts.md) - Open carts.\n");
  });

  it("keeps a person's text outside the markers byte for byte", async () => {
    const bundle = await sampleBundle();
    const before = "# Sales schema\r\n\r\nOwned by revenue operations.  \n\n";
    const after = "\n\n## Notes\n\nAsk #sales-data before joining invoice to customer_account.\n";
    const stale = "<!-- okf:begin index -->\n* [gone](gone.md)\n<!-- okf:end index -->";
    await put(bundle, "crm/crm_prod/sales/index.md", `${before}${stale}${after}`);
    await updateIndexFiles(bundle, {});
    const text = await read(bundle, "crm/crm_prod/sales/index.md");
    expect(text.startsWith(`${before}<!-- okf:begin index -->\n## Concepts\n`)).toBe(true);
    expect(text.endsWith(`<!-- okf:end index -->${after}`)).toBe(true);
    expect(text).not.toContain("gone.md");
  });

  it("appends the listing to a person's index.md that has no markers", async () => {
    const bundle = await sampleBundle();
    await put(bundle, "orders/index.md", "# Orders\n\nDynamoDB tables of the order service.");
    await updateIndexFiles(bundle, {});
    expect(await read(bundle, "orders/index.md")).toBe(
      "# Orders\n\nDynamoDB tables of the order service.\n\n<!-- okf:begin index -->\n## Concepts\n\n* [order_events](order_events.md)\n<!-- okf:end index -->\n",
    );
  });

  it("gives the root index exactly okf_version, keeping one that is there", async () => {
    const bundle = await sampleBundle();
    await put(bundle, "index.md", "# Our knowledge\n");
    await updateIndexFiles(bundle, {});
    expect(await read(bundle, "index.md")).toMatch(
      /^---\nokf_version: "0\.2"\n---\n# Our knowledge\n\n<!-- okf:begin index -->/,
    );

    const kept = "---\nokf_version: '0.2' # pinned\n---\nIntro\n";
    await put(bundle, "index.md", kept);
    await updateIndexFiles(bundle, {});
    expect((await read(bundle, "index.md")).startsWith(kept)).toBe(true);

    await put(bundle, "index.md", "---\n# person's comment\n---\nIntro\n");
    await updateIndexFiles(bundle, {});
    expect(
      (await read(bundle, "index.md")).startsWith(
        '---\nokf_version: "0.2"\n# person\'s comment\n---\nIntro\n',
      ),
    ).toBe(true);
  });

  it("gives folder indexes no frontmatter", async () => {
    const bundle = await sampleBundle();
    await updateIndexFiles(bundle, {});
    for (const path of ["crm/index.md", "crm/crm_prod/index.md", "orders/index.md"]) {
      expect((await read(bundle, path)).startsWith("---")).toBe(false);
    }
  });

  it("writes a valid root index for an empty bundle, the same text okf init writes", async () => {
    const bundle = await makeTempDir();
    expect(await updateIndexFiles(bundle, {})).toEqual(["index.md"]);
    expect(await read(bundle, "index.md")).toBe(initialRootIndexText());
    expect(initialRootIndexText()).toBe(
      '---\nokf_version: "0.2"\n---\n# Knowledge\n\n<!-- okf:begin index -->\n_No concepts yet._\n<!-- okf:end index -->\n',
    );
    expect(await updateIndexFiles(bundle, {})).toEqual([]);
  });

  it("leaves out what .okfignore excludes and lists concepts at the root", async () => {
    const bundle = await makeTempDir();
    await put(bundle, "README.md", "# About this bundle\n");
    await put(bundle, ".okfignore", "README.md\n");
    await put(bundle, "glossary.md", concept({ title: "Glossary", description: "Terms." }));
    await put(bundle, "log.md", "# Knowledge Update Log\n");
    await updateIndexFiles(bundle, {});
    const root = await read(bundle, "index.md");
    expect(root).toContain(
      "## Concepts\n\n* [Glossary](glossary.md) - Terms.\n<!-- okf:end index -->",
    );
    expect(root).not.toContain("README");
    expect(root).not.toContain("log.md");
  });

  it("reports what it would write in a dry run without writing", async () => {
    const bundle = await sampleBundle();
    expect(await updateIndexFiles(bundle, { dryRun: true })).toHaveLength(5);
    await expect(stat(join(bundle, "index.md"))).rejects.toThrow();
  });

  it("leaves an index.md with broken markers untouched and still writes the others", async () => {
    const bundle = await sampleBundle();
    const broken = "# Orders\n\n<!-- okf:begin index -->\n* [x](x.md)\n";
    await put(bundle, "orders/index.md", broken);
    const problems: KnowledgeFileError[] = [];
    const written = await updateIndexFiles(bundle, { onUnreadable: (e) => problems.push(e) });
    expect(written).not.toContain("orders/index.md");
    expect(written).toContain("index.md");
    expect(problems.map((p) => p.file)).toEqual(["orders/index.md"]);
    expect(await read(bundle, "orders/index.md")).toBe(broken);

    const other = await sampleBundle();
    await put(other, "orders/index.md", broken);
    await expect(updateIndexFiles(other, {})).rejects.toThrow(KnowledgeFileError);
    expect(await read(other, "crm/index.md")).toContain("<!-- okf:begin index -->");
  });
});
