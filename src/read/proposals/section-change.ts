import { locateRegions } from "../../knowledge-file/regions.js";
import { errorMessage, OkfError } from "../../errors.js";
import { scanCode } from "../../knowledge-file/markdown-lines.js";
import { bodySections, sectionText, type HumanSection } from "./human-sections.js";

/**
 * Why replacing one section's text would change the file anywhere else, or undefined when it
 * would not. Bytes outside the section must stay, and so must what they mean: every other
 * section and every generated region must read back exactly as before (a code fence left open
 * inside the section would otherwise swallow the headings after it).
 */
export function changeOutsideSection(
  body: string,
  next: string,
  section: HumanSection,
  path: string,
): string | undefined {
  const outside = (detail: string) =>
    `applying it would change ${path} outside the section "${section.name}": ${detail}; nothing was written`;
  const swallowed = openFenceIn(body, section);
  if (swallowed !== undefined) {
    return outside(
      `the code fence "${swallowed.fence}" on line ${String(swallowed.line)} of the body is never closed, so every heading after it reads as code and would be replaced with the section; close the fence first`,
    );
  }
  const before = body.slice(0, section.start);
  const after = body.slice(section.end);
  if (
    next.length < before.length + after.length ||
    !next.startsWith(before) ||
    !next.endsWith(after)
  ) {
    return outside("bytes before or after the section would differ");
  }
  let sections: ReturnType<typeof bodySections>;
  let regions: ReturnType<typeof locateRegions>;
  try {
    sections = bodySections(next, path);
    regions = locateRegions(next, path);
  } catch (error) {
    if (!(error instanceof OkfError)) throw error;
    return outside(errorMessage(error));
  }
  const old = bodySections(body, path);
  const shift = next.length - body.length;
  // A heading on the body's last line, without a newline, gets one before its new text.
  const opened = section.start > 0 && body[section.start - 1] !== "\n" ? 1 : 0;
  const expected = old.human.map((human) =>
    human.start === section.start
      ? {
          name: human.name,
          start: human.start + opened,
          text: sectionText(next.slice(human.start, human.end + shift)),
        }
      : {
          name: human.name,
          start: human.start > section.start ? human.start + shift : human.start,
          text: human.text,
        },
  );
  const actual = sections.human.map(({ name, start, text }) => ({ name, start, text }));
  const missing = expected.find(
    (human, index) => JSON.stringify(actual[index]) !== JSON.stringify(human),
  );
  if (missing || actual.length !== expected.length) {
    const name = missing?.name ?? actual[expected.length]?.name ?? section.name;
    return outside(`the section "${name}" would no longer read as it does now`);
  }
  const oldRegions = locateRegions(body, path);
  const changed = oldRegions.find((region, index) => {
    const now = regions[index];
    return now === undefined || now.name !== region.name || now.content !== region.content;
  });
  if (changed || regions.length !== oldRegions.length) {
    return outside(`the generated region "${changed?.name ?? "?"}" would change`);
  }
  return undefined;
}

/**
 * A code fence opened in the section and never closed runs to the end of the body, so the
 * section seems to hold every heading after it: replacing it would delete them.
 */
function openFenceIn(
  body: string,
  section: HumanSection,
): { line: number; fence: string } | undefined {
  const { unclosedFence } = scanCode(body);
  if (unclosedFence === undefined) return undefined;
  const lines = body.split("\n");
  const offset = lines.slice(0, unclosedFence).reduce((sum, line) => sum + line.length + 1, 0);
  if (offset < section.start || offset >= section.end) return undefined;
  return { line: unclosedFence + 1, fence: (lines[unclosedFence] ?? "").trim() };
}
