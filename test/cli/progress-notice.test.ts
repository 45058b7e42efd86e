import { Writable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { createProgress } from "../../src/cli/progress.js";

/** A terminal-like stream that records what is written, cursor moves left out. */
function fakeTerminal(columns = 100): { stream: NodeJS.WriteStream; text: () => string } {
  let text = "";
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      text += chunk.toString();
      callback();
    },
  });
  Object.assign(stream, {
    isTTY: true,
    columns,
    rows: 40,
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

  it("gives each source a line of its own on a terminal, each replaced by its next", async () => {
    const terminal = fakeTerminal();
    const progress = createProgress(terminal.stream, {});
    progress.line("crm: reading the PostgreSQL catalog", "crm");
    progress.line("events: reading the DynamoDB catalog", "events");
    await sleep(250);
    progress.line("crm: 3 of 9 tables", "crm");
    await sleep(250);
    const lastFrame = terminal.text().split("\u001B[?2026h").at(-1) ?? "";
    expect(lastFrame).toContain("crm: 3 of 9 tables\nevents: reading the DynamoDB catalog");
    expect(lastFrame).not.toContain("reading the PostgreSQL catalog");
    progress.done();
  });

  it("cuts a line to the terminal's width instead of wrapping it", async () => {
    const terminal = fakeTerminal(30);
    const progress = createProgress(terminal.stream, {});
    progress.line(`crm: ${"x".repeat(200)}`, "crm");
    await sleep(250);
    progress.done();
    expect(terminal.text()).toContain(`crm: ${"x".repeat(23)}…`);
    expect(terminal.text()).not.toContain("x".repeat(30));
  });

  it("writes plain lines, not redraws, on a terminal that reports 0 columns", () => {
    const terminal = fakeTerminal(0);
    const progress = createProgress(terminal.stream, {});
    progress.line("crm: reading the PostgreSQL catalog", "crm");
    progress.line("events: 2 tables", "events");
    progress.done();
    expect(terminal.text()).toBe(
      "okf: crm: reading the PostgreSQL catalog\nokf: events: 2 tables\n",
    );
  });
});
