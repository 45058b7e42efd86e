import { describe, expect, it } from "vitest";
import { LineSplitter, type OversizedLine } from "../../../src/read/mcp/line-splitter.js";
import { recoverRequestId, requestIdOf } from "../../../src/read/mcp/recover-request-id.js";

function split(maxBytes: number, chunks: string[], end = false) {
  const lines: string[] = [];
  const oversized: OversizedLine[] = [];
  const splitter = new LineSplitter(
    maxBytes,
    (line) => lines.push(line),
    (line) => oversized.push(line),
  );
  for (const chunk of chunks) splitter.push(Buffer.from(chunk));
  if (end) splitter.end();
  return { lines, oversized };
}

describe("LineSplitter", () => {
  it("splits across chunks, strips CR, skips blank lines, keeps a partial line until its newline", () => {
    expect(split(100, ['{"a"', ':1}\r\n\n  \n{"b":2}\n{"c"']).lines).toEqual([
      '{"a":1}',
      '{"b":2}',
    ]);
  });

  it("gives a last line without newline at the end of the stream", () => {
    expect(split(100, ['{"a":1}\n{"b":2}'], true).lines).toEqual(['{"a":1}', '{"b":2}']);
  });

  it("drops a line over the limit as it streams, keeping its two ends, and goes on", () => {
    const { lines, oversized } = split(10, ["0123456789", "abcdef", "XYZ\nnext\n"]);
    expect(lines).toEqual(["next"]);
    expect(oversized).toEqual([
      { bytes: 19, head: "0123456789abcdef", tail: "0123456789abcdefXYZ" },
    ]);
  });

  it("keeps at most 4 KiB of each end of a huge line", () => {
    const { oversized } = split(1024, [`HEAD${"x".repeat(100_000)}TAIL\n`]);
    expect(oversized[0]?.bytes).toBe(100_008);
    expect(oversized[0]?.head.startsWith("HEAD")).toBe(true);
    expect(oversized[0]?.head).toHaveLength(4096);
    expect(oversized[0]?.tail.endsWith("TAIL")).toBe(true);
    expect(oversized[0]?.tail).toHaveLength(4096);
  });
});

describe("recoverRequestId", () => {
  it("finds the id as the outer object's first key, after jsonrpc, or as its last key", () => {
    expect(recoverRequestId('{"id": 7, "method": "x", "params": {', "")).toBe(7);
    expect(recoverRequestId('{"jsonrpc":"2.0","id":"a\\"b","method"', "")).toBe('a"b');
    expect(
      recoverRequestId('{"method":"tools/call","params":{', '"}},"jsonrpc":"2.0","id":42}'),
    ).toBe(42);
  });

  it("ignores an id nested in the params or inside a string, and ids that are not ids", () => {
    expect(
      recoverRequestId('{"method":"x","params":{"id":3', '"arguments":{"id":3}}}'),
    ).toBeUndefined();
    expect(recoverRequestId("", '{"note":"see \\"id\\":5}"}')).toBeUndefined();
    expect(recoverRequestId('{"id": 1.5,', "")).toBeUndefined();
    expect(recoverRequestId("not json at all", "")).toBeUndefined();
  });

  it("takes the id of a parsed message only from a request, never from a response", () => {
    expect(requestIdOf({ jsonrpc: "1.0", id: 4, method: "ping" })).toBe(4);
    expect(requestIdOf({ id: 4, result: {} })).toBeUndefined();
    expect(requestIdOf({ id: null })).toBeUndefined();
    expect(requestIdOf([1, 2])).toBeUndefined();
  });
});
