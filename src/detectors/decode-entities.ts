/**
 * Markdown renders character references (`&#64;`, `&#x40;`, `&commat;`) and backslash escapes
 * (`\@`) as the characters they stand for, so `jane&#64;acme.io` shows as an address. The
 * detectors look at the text a reader sees. Only references to ASCII punctuation and spaces
 * need a name table: every pattern the detectors know is made of ASCII letters, digits,
 * punctuation and spaces, and HTML has no named reference for an ASCII letter or digit.
 */
const namedCharacters: Readonly<Record<string, string>> = {
  excl: "!",
  quot: '"',
  QUOT: '"',
  num: "#",
  dollar: "$",
  percnt: "%",
  amp: "&",
  AMP: "&",
  apos: "'",
  lpar: "(",
  rpar: ")",
  ast: "*",
  midast: "*",
  plus: "+",
  comma: ",",
  period: ".",
  sol: "/",
  colon: ":",
  semi: ";",
  lt: "<",
  LT: "<",
  equals: "=",
  gt: ">",
  GT: ">",
  quest: "?",
  commat: "@",
  lsqb: "[",
  lbrack: "[",
  bsol: "\\",
  rsqb: "]",
  rbrack: "]",
  Hat: "^",
  lowbar: "_",
  UnderBar: "_",
  grave: "`",
  DiacriticalGrave: "`",
  lcub: "{",
  lbrace: "{",
  verbar: "|",
  vert: "|",
  VerticalLine: "|",
  rcub: "}",
  rbrace: "}",
  Tab: "\t",
  NewLine: "\n",
  // Spaces and dashes that separate the groups of a card or phone number on screen.
  nbsp: " ",
  NonBreakingSpace: " ",
  ensp: " ",
  emsp: " ",
  thinsp: " ",
  hyphen: "-",
  dash: "-",
  minus: "-",
  ndash: "-",
};

const reference =
  /&(?:#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));|\\([!-/:-@[-`{-~])/g;

interface Replacement {
  /** Where the decoded character starts in the decoded text, and its length there. */
  at: number;
  length: number;
  /** Where the reference starts in the original text, and its length there. */
  from: number;
  originalLength: number;
}

export interface DecodedText {
  text: string;
  /** The offset in the original text of an offset in `text` (a literal's start or end). */
  originalOffset: (offset: number) => number;
}

function decodedCharacter(match: RegExpExecArray): string | undefined {
  const [, decimal, hex, name, escaped] = match;
  if (escaped !== undefined) return escaped;
  if (name !== undefined) return namedCharacters[name];
  const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? "", 16);
  // CommonMark renders NUL and invalid code points as U+FFFD.
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\uFFFD";
  const character = String.fromCodePoint(code);
  return /\s/.test(character) ? " " : character;
}

/** The text with character references and backslash escapes decoded, and where each came from. */
export function decodeEntities(text: string): DecodedText {
  const replacements: Replacement[] = [];
  let decoded = "";
  let copied = 0;
  for (const match of text.matchAll(reference)) {
    const character = decodedCharacter(match);
    if (character === undefined) continue;
    decoded += text.slice(copied, match.index);
    replacements.push({
      at: decoded.length,
      length: character.length,
      from: match.index,
      originalLength: match[0].length,
    });
    decoded += character;
    copied = match.index + match[0].length;
  }
  if (replacements.length === 0) return { text, originalOffset: (offset) => offset };
  decoded += text.slice(copied);
  return { text: decoded, originalOffset: (offset) => originalOffset(replacements, offset) };
}

function originalOffset(replacements: readonly Replacement[], offset: number): number {
  let low = 0;
  let high = replacements.length - 1;
  let last: Replacement | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const replacement = replacements[middle];
    if (replacement === undefined) break;
    if (replacement.at <= offset) {
      last = replacement;
      low = middle + 1;
    } else high = middle - 1;
  }
  if (last === undefined) return offset;
  if (offset < last.at + last.length) return last.from;
  return last.from + last.originalLength + (offset - last.at - last.length);
}
