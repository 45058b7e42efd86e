import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { copyDemoBundle } from "./mcp-session.js";
import { startRawMcpSession, type RawMcpSession, type RpcReply } from "./raw-mcp-session.js";

// What `okf serve --mcp` does with messages a client should never send. Every case asserts the
// reply and then that the same server still answers an ordinary call.
const overLimit = 10 * 1024 * 1024 + 4096;
let session: RawMcpSession;
let nextId = 100;
const id = (): number => nextId++;

const line = (message: object): string => `${JSON.stringify(message)}\n`;
const readConcept = (concept: unknown): object => ({
  name: "read_concept",
  arguments: { id: concept },
});
/** The text of a tool result. */
const toolText = (reply: RpcReply): string =>
  (reply.result?.content ?? []).map((part) => part.text ?? "").join("\n");

// The notice reaches stderr on its own pipe, so it may arrive just after the reply on stdout.
async function expectStderr(text: RegExp): Promise<void> {
  await vi.waitFor(
    () => {
      expect(session.stderr()).toMatch(text);
    },
    { timeout: 5000 },
  );
}

async function expectStillServing(): Promise<void> {
  const reply = await session.request(
    id(),
    "tools/call",
    readConcept("sales.crm.customer_account"),
  );
  expect(reply.result?.isError).not.toBe(true);
  expect(toolText(reply)).toContain("Concept sales.crm.customer_account");
}

async function expectToolError(args: object, text: RegExp): Promise<void> {
  const reply = await session.request(id(), "tools/call", args);
  expect(reply.error).toBeUndefined();
  expect(reply.result?.isError).toBe(true);
  expect(toolText(reply)).toMatch(text);
  await expectStillServing();
}

beforeAll(async () => {
  const { dir, bundle } = copyDemoBundle();
  // A folder whose name looks like a concept file.
  mkdirSync(join(bundle, "crm", "postgres", "sales", "trap.md"));
  session = await startRawMcpSession(bundle, dir);
});

afterAll(async () => {
  // Absent when the server never started: the failure that matters is beforeAll's.
  await (session as RawMcpSession | undefined)?.end();
});

describe("okf serve --mcp: a message over 10 MiB", () => {
  it("is refused with an error to its id (the SDK client's order: id last), and serving goes on", async () => {
    const big = id();
    session.write(
      line({
        method: "tools/call",
        params: readConcept("x".repeat(overLimit)),
        jsonrpc: "2.0",
        id: big,
      }),
    );
    const reply = await session.reply(big);
    expect(reply.error?.code).toBe(-32600);
    expect(reply.error?.message).toMatch(/Request too large: .*at most 10 MiB/);
    await expectStderr(/refused a message \(answered request \d+\): Request too large/);
    await expectStillServing();
  });

  it("sent in small pieces between other requests: those before and after it are answered", async () => {
    const [before, big, after] = [id(), id(), id()];
    session.write(line({ jsonrpc: "2.0", id: before, method: "ping" }));
    session.write(
      `{"jsonrpc":"2.0","id":${big},"method":"tools/call","params":{"arguments":{"id":"`,
    );
    const piece = "y".repeat(64 * 1024);
    for (let sent = 0; sent < overLimit; sent += piece.length) session.write(piece);
    session.write(`"},"name":"read_concept"}}\n`);
    session.write(line({ jsonrpc: "2.0", id: after, method: "ping" }));
    expect((await session.reply(before)).result).toEqual({});
    expect((await session.reply(big)).error?.code).toBe(-32600);
    expect((await session.reply(after)).result).toEqual({});
    await expectStillServing();
  });

  it("without a recoverable id (a notification) gets an error without id and a notice on stderr", async () => {
    session.write(
      line({
        jsonrpc: "2.0",
        method: "notifications/message",
        params: { x: "z".repeat(overLimit) },
      }),
    );
    const reply = await session.replyWithoutId();
    expect(reply.error?.code).toBe(-32600);
    await expectStderr(/refused a message \(no request id found\): Request too large/);
    await expectStillServing();
  });
});

describe("okf serve --mcp: messages that are not JSON-RPC", () => {
  it("invalid JSON that names its id gets a parse error to that id", async () => {
    const broken = id();
    session.write(`{"jsonrpc":"2.0","id":${broken},"method":"tools/call","params":{oops}\n`);
    const reply = await session.reply(broken);
    expect(reply.error?.code).toBe(-32700);
    expect(reply.error?.message).toMatch(/^Parse error/);
    await expectStillServing();
  });

  it("invalid JSON without an id gets a parse error without id", async () => {
    session.write("this is not json at all\n");
    expect((await session.replyWithoutId()).error?.code).toBe(-32700);
    await expectStderr(/no request id found\): Parse error/);
    await expectStillServing();
  });

  it("binary garbage with NUL bytes gets a parse error", async () => {
    session.write(Buffer.concat([Buffer.from([0, 255, 254, 0, 1, 2]), Buffer.from("\n")]));
    expect((await session.replyWithoutId()).error?.code).toBe(-32700);
    await expectStillServing();
  });

  it("JSON that is not an object (a number, an array) is an invalid request", async () => {
    session.write("42\n");
    expect((await session.replyWithoutId()).error?.code).toBe(-32600);
    session.write("[1,2,3]\n");
    expect((await session.replyWithoutId()).error?.code).toBe(-32600);
    await expectStillServing();
  });

  it("a request with the wrong jsonrpc version gets an invalid-request error to its id", async () => {
    const wrong = id();
    session.write(line({ jsonrpc: "1.0", id: wrong, method: "ping" }));
    const reply = await session.reply(wrong);
    expect(reply.error?.code).toBe(-32600);
    expect(reply.error?.message).toMatch(/not a JSON-RPC 2.0 request/);
    await expectStillServing();
  });

  it("a request whose method is not a string gets an invalid-request error", async () => {
    const wrong = id();
    session.write(line({ jsonrpc: "2.0", id: wrong, method: 5 }));
    expect((await session.reply(wrong)).error?.code).toBe(-32600);
    await expectStillServing();
  });

  it("a request with unknown top-level keys gets an invalid-request error", async () => {
    const wrong = id();
    session.write(line({ jsonrpc: "2.0", id: wrong, method: "ping", sneaky: true }));
    expect((await session.reply(wrong)).error?.code).toBe(-32600);
    await expectStillServing();
  });

  it("an unknown method gets method-not-found", async () => {
    const reply = await session.request(id(), "resources/delete_everything", {});
    expect(reply.error?.code).toBe(-32601);
    await expectStillServing();
  });

  // The SDK would call these internal errors (-32603); they are the caller's (-32602).
  it("tools/call without a tool name gets invalid params naming the missing field", async () => {
    const reply = await session.request(id(), "tools/call", { arguments: { id: "x" } });
    expect(reply.error?.code).toBe(-32602);
    expect(reply.error?.message).toContain("params.name");
    await expectStillServing();
  });
});

describe("okf serve --mcp: bad tool calls are tool errors", () => {
  it("an unknown tool", async () => {
    await expectToolError({ name: "drop_database", arguments: {} }, /drop_database not found/);
  });

  it("an argument of the wrong type", async () => {
    await expectToolError(readConcept(42), /Input validation error.*expected string/);
  });

  it("arguments that are not an object", async () => {
    const reply = await session.request(id(), "tools/call", {
      name: "read_concept",
      arguments: "id",
    });
    expect(reply.error?.code).toBe(-32602);
    expect(reply.error?.message).toContain("must be an object");
    await expectStillServing();
  });

  it("a missing required argument", async () => {
    await expectToolError({ name: "read_concept", arguments: {} }, /Input validation error/);
  });

  it("a wrongly typed limit", async () => {
    await expectToolError(
      { name: "search_concepts", arguments: { query: "customer", limit: "ten" } },
      /Input validation error.*limit/,
    );
  });

  it("a 5 MB argument string (under the message limit)", async () => {
    await expectToolError(readConcept("a".repeat(5 * 1024 * 1024)), /Too big: .*<=500 characters/);
  });

  it("an argument nested 100,000 arrays deep", async () => {
    const nested = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const deep = id();
    session.write(
      `{"jsonrpc":"2.0","id":${deep},"method":"tools/call","params":{"name":"read_concept","arguments":{"id":${nested}}}}\n`,
    );
    const reply = await session.reply(deep);
    expect(reply.result?.isError ?? reply.error !== undefined).toBe(true);
    await expectStillServing();
  });

  it("a concept id that climbs out of the bundle", async () => {
    await expectToolError(readConcept("../../../etc/passwd"), /lies outside the bundle/);
  });

  it("an absolute path as concept id", async () => {
    await expectToolError(readConcept("/etc/passwd"), /lies outside the bundle/);
  });

  it("a concept id that is a folder", async () => {
    await expectToolError(
      readConcept("crm/postgres/sales"),
      /is neither a concept id nor a concept path/,
    );
  });

  it("a folder whose name ends in .md", async () => {
    await expectToolError(
      readConcept("crm/postgres/sales/trap.md"),
      /neither a concept id nor a concept path|names no concept/,
    );
  });

  it("related_concepts with a traversal id", async () => {
    await expectToolError(
      { name: "related_concepts", arguments: { id: "crm/../../../etc/passwd" } },
      /lies outside the bundle/,
    );
  });
});

describe("okf serve --mcp: a piped client", () => {
  it("gets every answer, the oversized one refused, before the server exits 0 on end of input", async () => {
    const { dir, bundle } = copyDemoBundle();
    const piped = await startRawMcpSession(bundle, dir);
    const big = 2;
    piped.write(line({ jsonrpc: "2.0", id: 1, method: "ping" }));
    piped.write(
      line({
        method: "tools/call",
        params: readConcept("q".repeat(overLimit)),
        jsonrpc: "2.0",
        id: big,
      }),
    );
    piped.write(
      line({
        jsonrpc: "2.0",
        id: 3,
        method: "tools/call",
        params: readConcept("sales.crm.customer_account"),
      }),
    );
    const replies = Promise.all([piped.reply(1), piped.reply(big), piped.reply(3)]);
    expect(await piped.end()).toBe(0);
    const [first, refused, last] = await replies;
    expect(first.result).toEqual({});
    expect(refused.error?.code).toBe(-32600);
    expect(toolText(last)).toContain("Concept sales.crm.customer_account");
  }, 30_000);
});
