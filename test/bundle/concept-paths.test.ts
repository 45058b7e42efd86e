import { createHash } from "node:crypto";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { dirname, join, posix, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { planConceptPaths, refKey, type PlannedConcept } from "../../src/bundle/concept-paths.js";
import type { DatasetRef } from "../../src/model/index.js";
import { useTempDirs } from "./temp-dir.js";

const segmentShape = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const sha6 = (text: string): string =>
  createHash("sha256").update(text, "utf8").digest("hex").slice(0, 6);
const makeTempDir = useTempDirs();

function table(name: string, schema = "sales", database = "crm_prod"): DatasetRef {
  return { database, schema, name };
}

function pathOf(plan: Map<string, PlannedConcept>, ref: DatasetRef): string {
  const planned = plan.get(refKey(ref));
  if (!planned) throw new Error(`no plan for ${refKey(ref)}`);
  return planned.path;
}

function idOf(plan: Map<string, PlannedConcept>, ref: DatasetRef): string {
  return plan.get(refKey(ref))?.id ?? "";
}

/** A deterministic shuffle (mulberry32), so a failure can be reproduced. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  const random = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

function expectSafePath(path: string): void {
  const segments = path.split("/");
  expect(path.endsWith(".md")).toBe(true);
  expect(posix.normalize(path)).toBe(path);
  for (const [i, segment] of segments.entries()) {
    const stem = i === segments.length - 1 ? segment.slice(0, -3) : segment;
    expect(stem).toMatch(segmentShape);
    expect(stem.length).toBeLessThanOrEqual(100);
    expect(stem).not.toMatch(/^(index|log|con|nul|aux|prn)$/i);
    expect(stem).not.toMatch(/(\.md|\.)$/i);
  }
  const bundle = resolve("/bundle");
  expect(resolve(bundle, path).startsWith(bundle + sep)).toBe(true);
}

const hostileNames = [
  "../etc",
  "/",
  "..",
  ".",
  "",
  ".hidden",
  "index",
  "INDEX",
  "log",
  "con",
  "notes.md",
  "trailing.",
  "-dash",
  "a\\b",
  "C:\\Windows",
  "x".repeat(300),
  "prix_€",
  "Order Items",
  "naïve café",
  "a b",
  "a/b",
  "a_b",
  "Users",
  "users",
  "USERS",
];

describe("planConceptPaths", () => {
  it("lays out relational tables as <source>/<database>/<schema>/<table>.md with a dotted id", () => {
    const ref = table("customer_account");
    const plan = planConceptPaths("crm", [ref], "sales");
    expect(plan.get(refKey(ref))).toEqual({
      path: "crm/crm_prod/sales/customer_account.md",
      id: "sales.crm.customer_account",
    });
  });

  it("lays out DynamoDB tables by name and DocumentDB collections under their database", () => {
    const dynamo = { name: "order_events" };
    const plan = planConceptPaths("orders", [dynamo], "commerce");
    expect(plan.get(refKey(dynamo))).toEqual({
      path: "orders/order_events.md",
      id: "commerce.orders.order_events",
    });

    const collection = { database: "support_prod", name: "customer_cases" };
    const docs = planConceptPaths("support", [collection], "customer-support");
    expect(docs.get(refKey(collection))).toEqual({
      path: "support/support_prod/customer_cases.md",
      id: "customer-support.support.customer_cases",
    });
  });

  it("uses the source as the id prefix when there is no domain", () => {
    const plan = planConceptPaths("crm", [table("invoice")]);
    expect(idOf(plan, table("invoice"))).toBe("crm.crm.invoice");
  });

  it("keeps every hostile name inside the bundle as a valid, non-reserved segment", () => {
    const refs = hostileNames.flatMap((name) => [table(name), table("t", name, name)]);
    const plan = planConceptPaths("crm", refs, "sales");
    expect(plan.size).toBe(refs.length);
    for (const planned of plan.values()) expectSafePath(planned.path);
    const lowerPaths = new Set([...plan.values()].map((p) => p.path.toLowerCase()));
    expect(lowerPaths.size).toBe(refs.length);
    const ids = new Set([...plan.values()].map((p) => p.id));
    expect(ids.size).toBe(refs.length);
  });

  it("slugifies without hashing when nothing collides", () => {
    const names = ["prix_€", "Order Items", "../etc", ".hidden", ""];
    const plan = planConceptPaths(
      "crm",
      names.map((n) => table(n)),
    );
    expect(names.map((n) => posix.basename(pathOf(plan, table(n))))).toEqual([
      "prix_.md",
      "Order_Items.md",
      "_etc.md",
      "_hidden.md",
      "_.md",
    ]);
  });

  it("suffixes reserved names with a hash of the original name", () => {
    const plan = planConceptPaths("crm", [table("index"), table("Log"), table("con")]);
    expect(pathOf(plan, table("index"))).toBe(`crm/crm_prod/sales/index-${sha6("index")}.md`);
    expect(pathOf(plan, table("Log"))).toBe(`crm/crm_prod/sales/Log-${sha6("Log")}.md`);
    expect(pathOf(plan, table("con"))).toBe(`crm/crm_prod/sales/con-${sha6("con")}.md`);
    const asSchema = planConceptPaths("crm", [table("t", "index")]);
    expect(pathOf(asSchema, table("t", "index"))).toBe(`crm/crm_prod/index-${sha6("index")}/t.md`);
  });

  it("caps long names at 100 characters, ending in a hash of the full name", () => {
    const long = `${"a".repeat(150)}€`;
    const other = `${"a".repeat(150)}$`;
    const plan = planConceptPaths("crm", [table(long), table(other)]);
    const stem = posix.basename(pathOf(plan, table(long)), ".md");
    expect(stem).toBe(`${"a".repeat(93)}-${sha6(long)}`);
    expect(stem).toHaveLength(100);
    expect(pathOf(plan, table(other))).not.toBe(pathOf(plan, table(long)));
  });

  it("separates names that collide case-insensitively, keeping the exact slug for its owner", () => {
    const plan = planConceptPaths("crm", [table("Users"), table("users"), table("USERS")]);
    expect(pathOf(plan, table("users"))).toBe("crm/crm_prod/sales/users.md");
    expect(pathOf(plan, table("Users"))).toBe(`crm/crm_prod/sales/Users-${sha6("Users")}.md`);
    expect(pathOf(plan, table("USERS"))).toBe(`crm/crm_prod/sales/USERS-${sha6("USERS")}.md`);
    expect(idOf(plan, table("users"))).toBe("crm.crm.users");
    expect(idOf(plan, table("Users"))).toBe(`crm.crm.users-${sha6("Users")}`);
  });

  it("hashes every member of a collision group when none is its own slug", () => {
    const plan = planConceptPaths("crm", [table("a b"), table("a/b")]);
    expect(pathOf(plan, table("a b"))).toBe(`crm/crm_prod/sales/a_b-${sha6("a b")}.md`);
    expect(pathOf(plan, table("a/b"))).toBe(`crm/crm_prod/sales/a_b-${sha6("a/b")}.md`);
    const withOwner = planConceptPaths("crm", [table("a b"), table("a_b")]);
    expect(pathOf(withOwner, table("a_b"))).toBe("crm/crm_prod/sales/a_b.md");
    expect(pathOf(withOwner, table("a b"))).toBe(`crm/crm_prod/sales/a_b-${sha6("a b")}.md`);
  });

  it("lengthens a hash that happens to equal another table's real name", () => {
    const spoof = `a_b-${sha6("a b")}`;
    const plan = planConceptPaths("crm", [table("a b"), table("a_b"), table(spoof)]);
    expect(pathOf(plan, table(spoof))).toBe(`crm/crm_prod/sales/${spoof}.md`);
    expect(pathOf(plan, table("a b"))).toMatch(/^crm\/crm_prod\/sales\/a_b-[0-9a-f]{8}\.md$/);
  });

  it("separates case-colliding schemas and databases too", () => {
    const refs = [table("t", "Sales"), table("t", "sales"), table("t", "sales", "CRM_PROD")];
    const plan = planConceptPaths("crm", refs);
    expect(pathOf(plan, table("t", "sales"))).toBe("crm/crm_prod/sales/t.md");
    expect(pathOf(plan, table("t", "Sales"))).toBe(`crm/crm_prod/Sales-${sha6("Sales")}/t.md`);
    expect(pathOf(plan, table("t", "sales", "CRM_PROD"))).toBe(
      `crm/CRM_PROD-${sha6("CRM_PROD")}/sales/t.md`,
    );
  });

  it("qualifies ids only as far as needed to make them unique", () => {
    const refs = [
      table("customer_account"),
      table("users", "sales"),
      table("users", "hr"),
      table("orders", "public", "shop_a"),
      table("orders", "public", "shop_b"),
    ];
    const plan = planConceptPaths("crm", refs, "Sales Ops");
    expect(refs.map((ref) => idOf(plan, ref))).toEqual([
      "sales_ops.crm.customer_account",
      "sales_ops.crm.sales.users",
      "sales_ops.crm.hr.users",
      "sales_ops.crm.shop_a.public.orders",
      "sales_ops.crm.shop_b.public.orders",
    ]);
  });

  it("keeps ids unique when dots in names would make them ambiguous", () => {
    const refs = [table("c", "a.b", "db"), table("b.c", "a", "db"), table("c", "a_b", "db")];
    const plan = planConceptPaths("crm", refs);
    const ids = refs.map((ref) => idOf(plan, ref));
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^crm\.crm\.[a-z0-9_.-]+$/);
  });

  it("gives the same plan whatever the order of the refs", () => {
    const refs = hostileNames.flatMap((name, i) => [
      table(name),
      table(`t${i % 3}`, name),
      { name },
    ]);
    const expected = [...planConceptPaths("crm", refs, "sales").entries()];
    for (let seed = 1; seed <= 25; seed++) {
      const plan = planConceptPaths("crm", shuffled(refs, seed), "sales");
      expect([...plan.entries()]).toEqual(expected);
    }
  });

  it("plans one entry per distinct ref", () => {
    const plan = planConceptPaths("crm", [table("a"), table("a"), table("b")]);
    expect(plan.size).toBe(2);
  });

  it("produces paths that can all be created side by side on disk", async () => {
    const bundle = await makeTempDir();
    const refs = hostileNames.flatMap((name) => [table(name), table("t", name, name)]);
    const plan = planConceptPaths("crm", refs);
    for (const { path } of plan.values()) {
      await mkdir(dirname(join(bundle, path)), { recursive: true });
      await writeFile(join(bundle, path), path, { flag: "wx" });
    }
    const files = await readdir(bundle, { recursive: true, withFileTypes: true });
    expect(files.filter((f) => f.isFile())).toHaveLength(plan.size);
    expect(await readdir(bundle)).toEqual(["crm"]);
  });
});

describe("refKey", () => {
  it("is stable and tells absent parts from empty ones", () => {
    expect(refKey({ database: "d", schema: "s", name: "n" })).toBe(
      refKey({ name: "n", schema: "s", database: "d" }),
    );
    expect(refKey({ schema: "", name: "n" })).not.toBe(refKey({ name: "n" }));
    expect(refKey({ database: "a", name: "b" })).not.toBe(refKey({ schema: "a", name: "b" }));
  });
});
