import { spawn } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../../helpers/run-cli.js";
import { copyDemoBundle, startOkfServer } from "./mcp-session.js";

const root = fileURLToPath(new URL("../../..", import.meta.url));

describe("okf serve", () => {
  it("without --mcp is a usage error that names the only transport", async () => {
    const { dir } = copyDemoBundle();
    const run = await runCli(["serve", "--bundle", "knowledge"], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("the Model Context Protocol over stdio is the only transport");
    expect(run.stderr).toContain("fix: Run `okf serve --mcp --bundle knowledge`");
  });

  it("refuses a bundle folder that does not exist", async () => {
    const { dir } = copyDemoBundle();
    const run = await runCli(["serve", "--mcp", "--bundle", "nowhere"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/The bundle folder .*nowhere does not exist/);
  });

  it("with --read-only offers no propose_update tool, and refuses a call to it", async () => {
    const { dir, bundle } = copyDemoBundle();
    const session = await startOkfServer(["serve", "--mcp", "--read-only", "--bundle", bundle], {
      cwd: dir,
    });
    try {
      const { tools } = await session.client.listTools();
      expect(tools.map((tool) => tool.name).sort()).toEqual([
        "check_query",
        "list_concepts",
        "read_concept",
        "related_concepts",
        "search_concepts",
      ]);
      const answer = await session.call("propose_update", {
        id: "sales.crm.customer_account",
        section: "Caveats",
        text: "text",
        rationale: "why",
      });
      expect(answer.isError).toBe(true);
      expect(answer.text).toMatch(/propose_update not found/);
      expect(session.client.getInstructions()).toContain("read-only");
    } finally {
      await session.close();
    }
  });

  it("writes only protocol messages on stdout, its log on stderr, and answers what was sent before stdin closed", async () => {
    const { dir } = copyDemoBundle();
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
    const child = spawn(
      process.execPath,
      ["--import", tsx, join(root, "src/cli/entry.ts"), "serve", "--mcp", "--bundle", "knowledge"],
      { cwd: dir, stdio: ["pipe", "pipe", "pipe"], env: { PATH: process.env.PATH, CI: "true" } },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const request = (id: number, method: string, params: object) =>
      `${JSON.stringify({ jsonrpc: "2.0", id, method, params })}\n`;
    child.stdin.write(
      request(1, "initialize", {
        protocolVersion: "2025-06-18",
        capabilities: {},
        clientInfo: { name: "raw", version: "0" },
      }),
    );
    child.stdin.write(request(2, "tools/call", { name: "read_concept", arguments: { id: "x" } }));
    child.stdin.write(request(3, "ping", {}));
    // A piped client closes stdin at once: every request must still be answered before exit.
    child.stdin.end();
    const [code] = (await once(child, "exit")) as [number | null];
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    const answers = lines.map((line) => JSON.parse(line) as { jsonrpc: string; id: number });
    expect(answers.map((answer) => answer.id).sort()).toEqual([1, 2, 3]);
    for (const answer of answers) expect(answer.jsonrpc).toBe("2.0");
    expect(answers.find((answer) => answer.id === 2)).toMatchObject({
      result: { isError: true },
    });
    expect(stderr).toContain("okf serve: MCP server on stdio for");
  });
});
