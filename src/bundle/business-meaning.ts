import { heading, scanCode } from "../knowledge-file/markdown-lines.js";

/** A description longer than this is cut at a word, with "…". */
const maxDescriptionLength = 200;

const markerLine = /^<!--\s*okf:(begin|end)\s+[A-Za-z0-9_-]+\s*-->[ \t]*$/;
/** Lines that are not prose a description could start with: tables, HTML, thematic breaks. */
const notProse = /^\s*(\||<|(?:[-*_]\s*){3,}$)/;
const blockMarker = /^\s{0,3}(?:>\s?|[-*+]\s+|\d{1,9}[.)]\s+)/;
/** A sentence ends at . ! or ? followed by a space and something that is not a lower-case word. */
const firstSentence = /^(.+?[.!?])(?=\s+[^\s\p{Ll}])/u;

/**
 * The first sentence of the `## Business Meaning` section a person wrote, as the one-line
 * description of the file (docs/knowledge-files.md#frontmatter); undefined while the section is
 * missing, empty or still the `_Owner to write…_` placeholder. The section is human text outside
 * okf's regions; fenced code, tables and sub-headings in it are skipped.
 */
export function businessMeaningSentence(body: string): string | undefined {
  const lines = body.split("\n");
  const { code } = scanCode(body);
  let inRegion = false;
  let inSection = false;
  const paragraph: string[] = [];
  for (const [index, raw] of lines.entries()) {
    const text = raw.replace(/\r$/, "");
    if (code[index]) {
      if (paragraph.length > 0) break;
      continue;
    }
    const marker = markerLine.exec(text);
    if (marker) {
      if (inSection) break;
      inRegion = marker[1] === "begin";
      continue;
    }
    const title = heading(text);
    if (title && title.level <= 2) {
      if (inSection) break;
      inSection = !inRegion && title.level === 2 && /^business meaning$/i.test(title.title);
      continue;
    }
    if (!inSection) continue;
    if (title || text.trim() === "" || notProse.test(text)) {
      if (paragraph.length > 0) break;
      continue;
    }
    paragraph.push(text.replace(blockMarker, ""));
  }
  const prose = paragraph.join(" ").replace(/\s+/g, " ").trim();
  if (prose === "" || prose.includes("_Owner to write")) return undefined;
  return shortened(firstSentence.exec(prose)?.[1] ?? prose);
}

function shortened(sentence: string): string {
  if (sentence.length <= maxDescriptionLength) return sentence;
  const cut = sentence.slice(0, maxDescriptionLength);
  const atWord = cut.lastIndexOf(" ");
  return `${(atWord > 0 ? cut.slice(0, atWord) : cut).replace(/[\s,;:.-]+$/, "")}…`;
}
