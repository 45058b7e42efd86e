import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { createOkfServer } from "../../../src/read/mcp/okf-server.js";

/**
 * okf's MCP server and the SDK's own client in one process, joined by the SDK's in-memory
 * transport: the protocol, the schemas and the client's validation of structured content are
 * the real ones, without a child process per test.
 */
export async function connectInMemory(bundleDir: string): Promise<{
  client: Client;
  call: (name: string, args: Record<string, unknown>) => Promise<CallToolResult>;
  close: () => Promise<void>;
}> {
  const server = createOkfServer({ bundleDir, readOnly: false });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: "okf-contract-test", version: "1.0.0" });
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  // Listing the tools makes the client validate every structuredContent against its schema.
  await client.listTools();
  return {
    client,
    call: async (name, args) =>
      (await client.callTool({ name, arguments: args })) as CallToolResult,
    close: async () => {
      await client.close();
      await server.close();
    },
  };
}

/** The text parts of a tool result, joined. */
export const resultText = (result: CallToolResult): string =>
  result.content.map((part) => (part.type === "text" ? part.text : "")).join("\n");

/**
 * Adds `sales.crm.wide_table` to a bundle: customer_account with its Schema rows replaced by
 * `columns` generated ones, the size of a wide warehouse table.
 */
export function addWideTable(bundle: string, columns: number): string {
  const source = readFileSync(join(bundle, "crm/postgres/sales/customer_account.md"), "utf8");
  const rows = Array.from({ length: columns }, (_, index) => {
    const name = `measure_${String(index + 1).padStart(3, "0")}`;
    return `| ${name} | numeric(18,4) | yes | | Reported figure number ${index + 1} of the monthly statement. | distinct ≈ 300; range 0 … ≈9K |`;
  });
  const text = source
    .replace(/^id: sales\.crm\.customer_account$/m, "id: sales.crm.wide_table")
    .replace(/^title: customer_account$/m, "title: wide_table")
    .replace(/^# customer_account$/m, "# wide_table")
    .replace(
      /(\| --- \| --- \| --- \| --- \| --- \| --- \|\n)(?:\|.*\|\n)+/,
      (_, header: string) => `${header}${rows.join("\n")}\n`,
    );
  const path = "crm/postgres/sales/wide_table.md";
  writeFileSync(join(bundle, path), text);
  return path;
}
