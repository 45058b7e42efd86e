/**
 * Tokens of a view definition as MySQL and MariaDB store it (information_schema.VIEWS): every
 * identifier backquoted, string literals in single quotes. Only what the select-list scanner
 * needs is told apart; the rest is kept as single characters.
 */
export type SqlToken =
  | { kind: "ident"; text: string }
  | { kind: "string" }
  | { kind: "word"; text: string }
  | { kind: "(" | ")" | "," | "." }
  | { kind: "other" };

const wordChar = /[A-Za-z0-9_$]/;

/** The end of a quoted run that starts at `start`: a doubled quote or a backslash escapes. */
function quotedEnd(text: string, start: number, quote: string, backslash: boolean): number {
  let at = start + 1;
  while (at < text.length) {
    const char = text.charAt(at);
    if (backslash && char === "\\") at += 2;
    else if (char === quote && text.charAt(at + 1) === quote) at += 2;
    else if (char === quote) return at + 1;
    else at += 1;
  }
  throw new SqlTokenError(`an unterminated ${quote} quote`);
}

class SqlTokenError extends Error {}

export function sqlTokens(text: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text.charAt(at);
    if (/\s/.test(char)) {
      at += 1;
    } else if (char === "`") {
      const end = quotedEnd(text, at, "`", false);
      tokens.push({ kind: "ident", text: text.slice(at + 1, end - 1).replaceAll("``", "`") });
      at = end;
    } else if (char === "'" || char === '"') {
      at = quotedEnd(text, at, char, true);
      tokens.push({ kind: "string" });
    } else if (char === "(" || char === ")" || char === "," || char === ".") {
      tokens.push({ kind: char });
      at += 1;
    } else if (wordChar.test(char)) {
      const start = at;
      while (at < text.length && wordChar.test(text.charAt(at))) at += 1;
      tokens.push({ kind: "word", text: text.slice(start, at).toLowerCase() });
    } else {
      tokens.push({ kind: "other" });
      at += 1;
    }
  }
  return tokens;
}

/** The index of the `)` that closes the `(` at `open`, or -1. */
export function closingParen(tokens: readonly SqlToken[], open: number): number {
  let depth = 0;
  for (let at = open; at < tokens.length; at += 1) {
    const kind = tokens[at]?.kind;
    if (kind === "(") depth += 1;
    else if (kind === ")") depth -= 1;
    if (depth === 0) return at;
  }
  return -1;
}

export const isWord = (token: SqlToken | undefined, ...words: string[]): boolean =>
  token?.kind === "word" && words.includes(token.text);
