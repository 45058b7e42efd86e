import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CallToolResult, Tool } from "@modelcontextprotocol/sdk/types.js";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyDemoBundle } from "./mcp-session.js";
import { addWideTable, connectInMemory, resultText } from "./in-memory-session.js";

const { bundle } = copyDemoBundle();
const widePath = addWideTable(bundle, 401);
const customerPath = "crm/postgres/sales/customer_account.md";
writeFileSync(
  join(bundle, customerPath),
  readFileSync(join(bundle, customerPath), "utf8")
    .replace(/^approval_status: /m, "agent_usage: allowed_with_masking\napproval_status: ")
    .replace(
      /(## Agent Usage Guidance\n)_Owner to write[^\n]*/,
      "$1Aggregate by segment only. Never export owner_email or billing_contact_phone.",
    ),
);

let session: Awaited<ReturnType<typeof connectInMemory>>;
let tools: Tool[];
const validator = new AjvJsonSchemaValidator();

beforeAll(async () => {
  session = await connectInMemory(bundle);
  ({ tools } = await session.client.listTools());
});

afterAll(async () => {
  await session.close();
});

/** Calls a tool and checks its structured content against the outputSchema it declared. */
async function call(name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  const result = await session.call(name, args);
  expect(result.isError ?? false, resultText(result)).toBe(false);
  const schema = tools.find((tool) => tool.name === name)?.outputSchema;
  expect(schema, `${name} declares an outputSchema`).toBeDefined();
  const check = validator.getValidator(schema ?? {})(result.structuredContent);
  expect(check.errorMessage).toBeUndefined();
  expect(check.valid).toBe(true);
  // The text is a summary for the model, not the structured content again.
  expect(resultText(result)).not.toContain(JSON.stringify(result.structuredContent));
  return result;
}

interface ReadAnswer {
  body: string;
  offset: number;
  next_offset: number | null;
  total_chars: number;
  content_hash: string;
  sections: string[];
  missing_sections: string[];
  missing_fields: string[];
}
const readAnswer = (result: CallToolResult): ReadAnswer =>
  result.structuredContent as unknown as ReadAnswer;

describe("every tool declares its output", () => {
  it("lists an object outputSchema for each tool", () => {
    expect(tools.map((tool) => tool.name).sort()).toEqual([
      "check_query",
      "list_concepts",
      "propose_update",
      "read_concept",
      "related_concepts",
      "search_concepts",
    ]);
    for (const tool of tools) {
      expect(tool.outputSchema?.type, tool.name).toBe("object");
      expect(
        Object.keys(tool.outputSchema?.properties ?? {}).length,
        tool.name,
      ).toBeGreaterThanOrEqual(2);
    }
    const read = tools.find((tool) => tool.name === "read_concept");
    expect(Object.keys(read?.inputSchema.properties ?? {})).toEqual([
      "id",
      "sections",
      "fields",
      "max_chars",
      "offset",
    ]);
  });

  it("answers every tool with structured content that validates, and a short text", async () => {
    const search = await call("search_concepts", { query: "customer_account pii", limit: 3 });
    const [hit] = (search.structuredContent?.hits ?? []) as Array<Record<string, unknown>>;
    expect(hit).toMatchObject({
      id: "sales.crm.customer_account",
      agentUsage: "allowed_with_masking",
      guidance: "Aggregate by segment only.",
    });
    expect(resultText(search)).toContain("guidance: Aggregate by segment only.");
    expect(resultText(search)).toContain("agent_usage: allowed_with_masking");

    await call("list_concepts", { source: "orders" });
    await call("related_concepts", { id: "sales.crm.sales_order" });
    const read = await call("read_concept", { id: "sales.crm.territory" });
    expect(resultText(read)).not.toContain("Frontmatter (JSON)");
    const proposed = await call("propose_update", {
      id: "sales.crm.territory",
      section: "Caveats",
      text: "Regions were renumbered in 2024.",
      rationale: "Seen in the territory history.",
    });
    expect(proposed.structuredContent).toMatchObject({ section: "Caveats", branch: null });
  });

  it("keeps tool errors as errors, without structured content", async () => {
    const result = await session.call("read_concept", { id: "sales.crm.nope" });
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toBeUndefined();
  });
});

describe("read_concept in bounded pieces", () => {
  it("returns a 401-column table in pieces of at most max_chars that join into the body", async () => {
    const file = readFileSync(join(bundle, widePath), "utf8");
    const body = file.slice(file.indexOf("\n---\n") + 5);
    expect(body.length).toBeGreaterThan(40_000);
    for (const maxChars of [undefined, 5_000]) {
      let offset: number | null = 0;
      const pieces: string[] = [];
      const hashes = new Set<string>();
      while (offset !== null) {
        const args: Record<string, unknown> = { id: "sales.crm.wide_table", offset };
        if (maxChars !== undefined) args.max_chars = maxChars;
        const result = await call("read_concept", args);
        const answer = readAnswer(result);
        expect(answer.offset).toBe(offset);
        expect(answer.body.length).toBeLessThanOrEqual(maxChars ?? 12_000);
        expect(answer.body.length).toBeGreaterThan(0);
        expect(resultText(result).length).toBeLessThan((maxChars ?? 12_000) + 3_000);
        if (answer.next_offset !== null) {
          expect(resultText(result)).toContain(`offset ${answer.next_offset}`);
        }
        pieces.push(answer.body);
        hashes.add(answer.content_hash);
        offset = answer.next_offset;
      }
      expect(pieces.join("")).toBe(body);
      expect(pieces.length).toBeGreaterThanOrEqual(maxChars === undefined ? 4 : 9);
      expect(hashes.size).toBe(1);
    }
  });

  it("filters sections by heading and field rows by name", async () => {
    const result = await call("read_concept", {
      id: "sales.crm.wide_table",
      sections: ["schema", "Sensitive Fields", "Lineage"],
      fields: ["measure_007", "MEASURE_400", "owner_email", "no_such_field"],
    });
    const answer = readAnswer(result);
    expect(answer.next_offset).toBeNull();
    expect(answer.missing_sections).toEqual(["Lineage"]);
    expect(answer.missing_fields).toEqual(["no_such_field"]);
    const lines = answer.body.split("\n");
    expect(lines.filter((line) => line.startsWith("## "))).toEqual([
      "## Schema",
      "## Sensitive Fields",
    ]);
    expect(
      lines.filter((line) => line.startsWith("| measure_")).map((line) => line.split(" ")[1]),
    ).toEqual(["measure_007", "measure_400"]);
    expect(lines.filter((line) => line.startsWith("| owner_email |"))).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith("| billing_contact_phone"))).toHaveLength(0);
    expect(answer.body).toContain("| Column | Type | Nullable | Key | Description | Profile |");
    expect(answer.body).not.toContain("okf:begin");
    expect(answer.sections).toContain("Agent Usage Guidance");
    expect(resultText(result)).toContain("No section Lineage in this file.");
  });

  it("keeps the human text whole, fenced code included, when asked for one section", async () => {
    const path = join(bundle, customerPath);
    const before = readFileSync(path, "utf8");
    writeFileSync(
      path,
      before.replace(
        "## Caveats\n_Owner to write._",
        "## Caveats\nSegments changed in 2024:\n\n```sql\n## not a heading\nSELECT 1;\n```\nAsk sales-ops.",
      ),
    );
    const answer = readAnswer(
      await call("read_concept", { id: "sales.crm.customer_account", sections: ["Caveats"] }),
    );
    expect(answer.body).toBe(
      "## Caveats\nSegments changed in 2024:\n\n```sql\n## not a heading\nSELECT 1;\n```\nAsk sales-ops.\n",
    );
  });

  it("refuses sections the file does not have, and an offset past the end", async () => {
    const none = await session.call("read_concept", {
      id: "sales.crm.territory",
      sections: ["Lineage"],
    });
    expect(none.isError).toBe(true);
    expect(resultText(none)).toMatch(/none of the sections "Lineage"[\s\S]*Business Meaning/);
    const past = await session.call("read_concept", {
      id: "sales.crm.territory",
      offset: 10_000_000,
    });
    expect(past.isError).toBe(true);
    expect(resultText(past)).toContain("past the end");
    const small = await session.call("read_concept", { id: "sales.crm.territory", max_chars: 10 });
    expect(small.isError).toBe(true);
  });
});

describe("concepts as resources", () => {
  it("offers the okf://concept/{id} template and lists every concept", async () => {
    const { resourceTemplates } = await session.client.listResourceTemplates();
    expect(resourceTemplates).toEqual([
      expect.objectContaining({ uriTemplate: "okf://concept/{id}", mimeType: "text/markdown" }),
    ]);
    const { resources } = await session.client.listResources();
    expect(resources.length).toBe(13);
    expect(resources).toContainEqual(
      expect.objectContaining({
        uri: "okf://concept/sales.crm.customer_account",
        name: "sales.crm.customer_account",
        title: "customer_account",
        mimeType: "text/markdown",
      }),
    );
  });

  it("reads a concept's file as it is on disk, and refuses an unknown one", async () => {
    const read = await session.client.readResource({
      uri: "okf://concept/sales.crm.customer_account",
    });
    expect(read.contents).toEqual([
      {
        uri: "okf://concept/sales.crm.customer_account",
        mimeType: "text/markdown",
        text: readFileSync(join(bundle, customerPath), "utf8"),
      },
    ]);
    await expect(
      session.client.readResource({ uri: "okf://concept/sales.crm.nope" }),
    ).rejects.toThrow(/-32002.*"sales\.crm\.nope"/);
    await expect(
      session.client.readResource({
        uri: `okf://concept/${encodeURIComponent("../../etc/passwd")}`,
      }),
    ).rejects.toThrow(/outside the bundle/);
  });
});
