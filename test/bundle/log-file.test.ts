import { readFile, stat, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { appendLogEntries, initialLogText, type LogEntry } from "../../src/bundle/log-file.js";
import { useTempDirs } from "./temp-dir.js";

const makeTempDir = useTempDirs();

const changed: LogEntry = {
  action: "changed",
  conceptPath: "crm/crm_prod/sales/customer_account.md",
  title: "customer_account",
  details: ["+ column region", "amount: numeric(10,2) → numeric(12,2)"],
};
const created: LogEntry = {
  action: "created",
  conceptPath: "orders/order_events.md",
  title: "order_events",
  details: [],
};
const deprecated: LogEntry = {
  action: "deprecated",
  conceptPath: "crm/crm_prod/sales/legacy [old].md",
  title: "legacy [old]",
  details: ["no longer in the source"],
};

async function readLog(bundle: string): Promise<string> {
  return readFile(join(bundle, "log.md"), "utf8");
}

/** OKF §9 as a validator reads it: no frontmatter, every `## ` heading a date, newest first. */
function expectConformantLog(text: string): void {
  expect(text.startsWith("---")).toBe(false);
  const headings = [...text.matchAll(/^## (.*)$/gm)].map((m) => m[1] ?? "");
  for (const heading of headings) expect(heading).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(headings).toEqual([...headings].sort().reverse());
}

describe("appendLogEntries", () => {
  it("creates log.md with the title, a date heading and one bullet per entry", async () => {
    const bundle = await makeTempDir();
    expect(await appendLogEntries(bundle, "2026-11-27", [changed, created, deprecated])).toBe(true);
    expect(await readLog(bundle)).toBe(
      [
        "# Knowledge Update Log",
        "",
        "## 2026-11-27",
        "",
        "- Changed [customer_account](crm/crm_prod/sales/customer_account.md): + column region; amount: numeric(10,2) → numeric(12,2)",
        "- Created [order_events](orders/order_events.md)",
        "- Deprecated [legacy \\[old\\]](crm/crm_prod/sales/legacy%20%5Bold%5D.md): no longer in the source",
        "",
      ].join("\n"),
    );
  });

  it("says when, after the link, and keeps two runs' same change apart by their times", async () => {
    const bundle = await makeTempDir();
    const at = (time: string): LogEntry => ({ ...changed, details: [], at: time });
    await appendLogEntries(bundle, "2026-11-27", [at("02:00:00 UTC")]);
    await appendLogEntries(bundle, "2026-11-27", [at("14:30:00 UTC")]);
    expect(await readLog(bundle)).toBe(
      [
        "# Knowledge Update Log",
        "",
        "## 2026-11-27",
        "",
        "- Changed [customer_account](crm/crm_prod/sales/customer_account.md) at 14:30:00 UTC",
        "- Changed [customer_account](crm/crm_prod/sales/customer_account.md) at 02:00:00 UTC",
        "",
      ].join("\n"),
    );
  });

  it("writes nothing when there is nothing to log", async () => {
    const bundle = await makeTempDir();
    expect(await appendLogEntries(bundle, "2026-11-27", [])).toBe(false);
    await expect(stat(join(bundle, "log.md"))).rejects.toThrow();
  });

  it("merges a second run on the same day under the same heading, new bullets first, no duplicates", async () => {
    const bundle = await makeTempDir();
    await appendLogEntries(bundle, "2026-11-27", [changed]);
    expect(await appendLogEntries(bundle, "2026-11-27", [created, changed, created])).toBe(true);
    const text = await readLog(bundle);
    expect(text.match(/^## 2026-11-27$/gm)).toHaveLength(1);
    expect(text).toContain(
      "## 2026-11-27\n\n- Created [order_events](orders/order_events.md)\n- Changed [customer_account]",
    );
    expect(text.match(/Changed \[customer_account\]/g)).toHaveLength(1);
    expectConformantLog(text);
  });

  it("does not rewrite the file when every bullet is already there", async () => {
    const bundle = await makeTempDir();
    await appendLogEntries(bundle, "2026-11-27", [changed, created]);
    const past = new Date("2020-01-01T00:00:00Z");
    await utimes(join(bundle, "log.md"), past, past);
    expect(await appendLogEntries(bundle, "2026-11-27", [created])).toBe(false);
    expect((await stat(join(bundle, "log.md"))).mtime.getTime()).toBe(past.getTime());
  });

  it("puts a new day on top and a back-dated day in date order", async () => {
    const bundle = await makeTempDir();
    await appendLogEntries(bundle, "2026-11-20", [changed]);
    await appendLogEntries(bundle, "2026-11-27", [created]);
    await appendLogEntries(bundle, "2026-11-25", [deprecated]);
    await appendLogEntries(bundle, "2026-11-01", [created]);
    const text = await readLog(bundle);
    expect([...text.matchAll(/^## (.*)$/gm)].map((m) => m[1])).toEqual([
      "2026-11-27",
      "2026-11-25",
      "2026-11-20",
      "2026-11-01",
    ]);
    expectConformantLog(text);
  });

  it("keeps what people wrote around and inside the dated sections", async () => {
    const bundle = await makeTempDir();
    const human = [
      "# Knowledge Update Log",
      "",
      "Maintained by the data platform team. Ask in #data-platform.",
      "",
      "## 2026-11-27",
      "Steward note: the region column was requested by finance.",
      "",
      "- Changed [customer_account](crm/crm_prod/sales/customer_account.md)",
      "",
      "## 2026-10-02: Initial import",
      "",
      "* Created everything by hand",
      "",
    ].join("\n");
    await writeFile(join(bundle, "log.md"), human);
    await appendLogEntries(bundle, "2026-11-27", [created]);
    await appendLogEntries(bundle, "2026-11-28", [deprecated]);
    const text = await readLog(bundle);
    expect(text).toBe(
      [
        "# Knowledge Update Log",
        "",
        "Maintained by the data platform team. Ask in #data-platform.",
        "",
        "## 2026-11-28",
        "",
        "- Deprecated [legacy \\[old\\]](crm/crm_prod/sales/legacy%20%5Bold%5D.md): no longer in the source",
        "",
        "## 2026-11-27",
        "Steward note: the region column was requested by finance.",
        "",
        "- Created [order_events](orders/order_events.md)",
        "- Changed [customer_account](crm/crm_prod/sales/customer_account.md)",
        "",
        "## 2026-10-02: Initial import",
        "",
        "* Created everything by hand",
        "",
      ].join("\n"),
    );
  });

  it("adds bullets right under a heading that has no bullets yet", async () => {
    const bundle = await makeTempDir();
    await writeFile(
      join(bundle, "log.md"),
      "# Knowledge Update Log\n\n## 2026-11-27\nNothing yet.\n",
    );
    await appendLogEntries(bundle, "2026-11-27", [created]);
    expect(await readLog(bundle)).toBe(
      "# Knowledge Update Log\n\n## 2026-11-27\n\n- Created [order_events](orders/order_events.md)\n\nNothing yet.\n",
    );
  });

  it("keeps a title or detail from breaking the bullet", async () => {
    const bundle = await makeTempDir();
    const hostile: LogEntry = {
      action: "restored",
      conceptPath: "crm/t (1).md",
      title: "t](http://evil) \n<!-- x",
      details: ["line one\nline two", "<!-- okf:end index -->"],
    };
    await appendLogEntries(bundle, "2026-11-27", [hostile]);
    const bullets = (await readLog(bundle)).split("\n").filter((l) => l.startsWith("- "));
    expect(bullets).toEqual([
      "- Restored [t\\](http://evil) \\<!-- x](crm/t%20%281%29.md): line one line two; \\<!-- okf:end index -->",
    ]);
  });

  it("reports without writing in a dry run", async () => {
    const bundle = await makeTempDir();
    expect(await appendLogEntries(bundle, "2026-11-27", [created], { dryRun: true })).toBe(true);
    await expect(stat(join(bundle, "log.md"))).rejects.toThrow();
  });

  it("rejects a date that is not YYYY-MM-DD", async () => {
    const bundle = await makeTempDir();
    await expect(appendLogEntries(bundle, "27/11/2026", [created])).rejects.toThrow(RangeError);
  });

  it("starts from the same text that okf init writes", async () => {
    const bundle = await makeTempDir();
    await writeFile(join(bundle, "log.md"), initialLogText());
    await appendLogEntries(bundle, "2026-11-27", [created]);
    const fresh = await makeTempDir();
    await appendLogEntries(fresh, "2026-11-27", [created]);
    expect(await readLog(bundle)).toBe(await readLog(fresh));
    expect(initialLogText()).toBe("# Knowledge Update Log\n");
  });
});
