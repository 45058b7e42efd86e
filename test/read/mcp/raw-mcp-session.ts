import { spawn } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const entry = join(root, "src", "cli", "entry.ts");
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/** One JSON-RPC message the server wrote, as parsed from its stdout. */
export interface RpcReply {
  jsonrpc?: string;
  id?: string | number;
  result?: { isError?: boolean; content?: { type: string; text?: string }[] } & Record<
    string,
    unknown
  >;
  error?: { code: number; message: string };
}

/**
 * `okf serve --mcp` driven byte by byte, for messages no well-behaved client library would
 * send: the test writes raw lines and waits for replies by id (or for the next reply without id).
 */
export interface RawMcpSession {
  /** Writes bytes as they are; the caller adds the newline. */
  write: (bytes: string | Buffer) => void;
  /** Writes one request as a JSON line and waits for its reply. */
  request: (id: number | string, method: string, params?: object) => Promise<RpcReply>;
  /** The reply to `id`, when it comes. */
  reply: (id: number | string) => Promise<RpcReply>;
  /** The next reply that carries no id. */
  replyWithoutId: () => Promise<RpcReply>;
  stderr: () => string;
  /** Closes stdin and resolves with the exit code. */
  end: () => Promise<number | null>;
}

/**
 * Bounds a hang, nothing more: the server starts through tsx, which takes several seconds on a
 * loaded 2-core machine before it can answer the first request.
 */
const replyTimeoutMs = 30_000;

export async function startRawMcpSession(bundle: string, cwd: string): Promise<RawMcpSession> {
  const child = spawn(
    process.execPath,
    ["--import", tsxLoader, entry, "serve", "--mcp", "--bundle", bundle],
    {
      cwd,
      stdio: ["pipe", "pipe", "pipe"],
      env: { PATH: process.env.PATH, CI: "true" },
    },
  );
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const byId = new Map<string, RpcReply>();
  const withoutId: RpcReply[] = [];
  const waiters = new Set<() => void>();
  let pending = "";
  child.stdout.on("data", (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      const reply = JSON.parse(line) as RpcReply;
      if (reply.id === undefined) withoutId.push(reply);
      else byId.set(JSON.stringify(reply.id), reply);
    }
    for (const wake of waiters) wake();
  });
  let exited = false;
  child.once("exit", () => {
    exited = true;
    for (const wake of waiters) wake();
  });

  const waitFor = (take: () => RpcReply | undefined, what: string): Promise<RpcReply> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const found = take();
        if (found !== undefined)
          finish(() => {
            resolve(found);
          });
        else if (exited)
          finish(() => {
            reject(new Error(`server exited before ${what}`));
          });
      };
      const timer = setTimeout(() => {
        finish(() => {
          reject(new Error(`no ${what} within ${replyTimeoutMs} ms`));
        });
      }, replyTimeoutMs);
      const finish = (settle: () => void): void => {
        clearTimeout(timer);
        waiters.delete(check);
        settle();
      };
      waiters.add(check);
      check();
    });

  const write = (bytes: string | Buffer): void => {
    child.stdin.write(bytes);
  };
  const reply = (id: number | string): Promise<RpcReply> =>
    waitFor(() => byId.get(JSON.stringify(id)), `a reply to ${JSON.stringify(id)}`);
  const session: RawMcpSession = {
    write,
    reply,
    request: (id, method, params) => {
      write(`${JSON.stringify({ jsonrpc: "2.0", id, method, ...(params ? { params } : {}) })}\n`);
      return reply(id);
    },
    replyWithoutId: () => waitFor(() => withoutId.shift(), "a reply without id"),
    stderr: () => stderr,
    end: async () => {
      child.stdin.end();
      if (!exited) await once(child, "exit");
      return child.exitCode;
    },
  };
  const initialized = await session.request("init", "initialize", {
    protocolVersion: "2025-06-18",
    capabilities: {},
    clientInfo: { name: "hostile-test", version: "0" },
  });
  if (initialized.result === undefined) throw new Error("the server did not initialize");
  write(`${JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" })}\n`);
  return session;
}
