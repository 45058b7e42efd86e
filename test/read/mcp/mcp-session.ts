import { cpSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { tempDir } from "../../helpers/run-cli.js";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const entry = join(root, "src", "cli", "entry.ts");
const demoBundle = join(root, "knowledge");
// By URL: `--import tsx` would resolve from the child's working directory, a temporary folder.
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/** A copy of the committed demo bundle at `<dir>/knowledge`; the original is never touched. */
export function copyDemoBundle(dir = tempDir("okf-mcp-")): { dir: string; bundle: string } {
  const bundle = join(dir, "knowledge");
  cpSync(demoBundle, bundle, { recursive: true });
  return { dir, bundle };
}

export interface McpSession {
  client: Client;
  /** What the server wrote on stderr so far. */
  stderr: () => string;
  call: (name: string, args: Record<string, unknown>) => Promise<ToolAnswer>;
  close: () => Promise<void>;
}

interface ToolAnswer {
  isError: boolean;
  text: string;
  structured: Record<string, unknown> | undefined;
}

/**
 * Starts the real CLI (`okf ARGS`, run from source through tsx) as a child process and connects
 * the SDK's own client to it over stdio, as an MCP host would.
 */
export async function startOkfServer(
  args: string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<McpSession> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ["--import", tsxLoader, entry, ...args],
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? "", CI: "true", ...options.env },
    stderr: "pipe",
  });
  let stderr = "";
  transport.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const client = new Client({ name: "okf-test-client", version: "1.0.0" });
  await client.connect(transport);
  return {
    client,
    stderr: () => stderr,
    call: async (name, args) => {
      const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
      const text = result.content.map((part) => (part.type === "text" ? part.text : "")).join("\n");
      return {
        isError: result.isError === true,
        text,
        structured: result.structuredContent,
      };
    },
    close: () => client.close(),
  };
}
