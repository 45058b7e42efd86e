import type { Readable, Writable } from "node:stream";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { createOkfServer, type OkfServerOptions } from "./okf-server.js";

/**
 * Serves the bundle over stdin/stdout until the client closes stdin. stdout carries only
 * protocol messages; anything for people goes to `log` (stderr).
 */
export async function serveStdio(
  options: OkfServerOptions,
  streams: { stdin: Readable; stdout: Writable; log: (line: string) => void },
): Promise<void> {
  const server = createOkfServer(options);
  const transport = new StdioServerTransport(streams.stdin, streams.stdout);
  transport.onerror = (error) => {
    streams.log(`okf serve: ${error.message}`);
  };
  const closed = new Promise<void>((resolve) => {
    streams.stdin.once("end", resolve);
    streams.stdin.once("close", resolve);
  });
  await server.connect(transport);
  streams.log(
    `okf serve: MCP server on stdio for ${options.bundleDir}${options.readOnly ? " (read-only)" : ""}`,
  );
  await closed;
  await server.close();
}
