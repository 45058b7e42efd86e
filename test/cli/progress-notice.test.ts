import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createProgress } from "../../src/cli/progress.js";

/** A terminal-like stream that records what is written, cursor moves left out. */
function fakeTerminal(): { stream: NodeJS.WriteStream; text: () => string } {
  let text = "";
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      text += chunk.toString();
      callback();
    },
  });
  Object.assign(stream, {
    isTTY: true,
    columns: 100,
    clearLine: () => true,
    cursorTo: () => true,
    moveCursor: () => true,
  });
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
}

describe("createProgress", () => {
  it("keeps a notice on a terminal, where the spinner's progress lines replace each other", () => {
    const terminal = fakeTerminal();
    const progress = createProgress(terminal.stream, { NO_COLOR: "1" });
    progress.line("crm: reading the PostgreSQL catalog");
    progress.notice("took over the bundle lock left by process 4242 on host ci-7, started x");
    progress.line("crm: 2 objects");
    progress.done();
    expect(terminal.text()).toContain(
      "okf: took over the bundle lock left by process 4242 on host ci-7, started x\n",
    );
  });

  it("writes a notice as a plain line in CI", () => {
    const terminal = fakeTerminal();
    const progress = createProgress(terminal.stream, { CI: "true" });
    progress.notice("removed 2 temporary files left by an interrupted run");
    expect(terminal.text()).toBe("okf: removed 2 temporary files left by an interrupted run\n");
  });
});
