import { isScalar, parseDocument, visit, type Document, type LineCounter } from "yaml";

/**
 * How far aliases (`*name`) may expand, counted as the yaml package counts it (uses of an anchor
 * times the nodes under it). A knowledge file or a config has no need for more; an "alias bomb"
 * of a few lines would otherwise expand to millions of nodes in every command that reads it.
 */
const maxAliasCount = 100;

export type YamlParse =
  | { ok: true; document: Document; value: unknown }
  | {
      ok: false;
      /** 1-based line inside the YAML text, when the parser knows it. */
      line: number | undefined;
      /** The yaml package's error code, or ALIAS_LIMIT. */
      code: string;
      /** One sentence, without the parser's code excerpt. */
      reason: string;
    };

/**
 * The one way okf parses YAML it did not write itself (knowledge files, proposals, the config):
 * syntax errors and alias expansion beyond `maxAliasCount` come back as a failed result instead
 * of an exception, so a hostile file is reported like any broken one.
 */
export function parseYaml(text: string, lineCounter?: LineCounter): YamlParse {
  let document: Document;
  try {
    // The yaml package's own duplicate-key check compares every key with every other: 80,000
    // keys take minutes. firstDuplicateKey does the same check in one pass.
    document = parseDocument(text, {
      prettyErrors: true,
      uniqueKeys: false,
      ...(lineCounter ? { lineCounter } : {}),
    });
  } catch (error) {
    // Nesting deep enough to exhaust the stack is not a mistake anyone makes by hand.
    if (error instanceof RangeError) return tooDeep;
    throw error;
  }
  const error = document.errors[0];
  if (error) {
    const line = error.linePos?.[0].line;
    return { ok: false, line, code: error.code, reason: firstLine(error.message) };
  }
  const duplicate = firstDuplicateKey(document);
  if (duplicate) {
    return {
      ok: false,
      line: lineAt(text, duplicate.offset),
      code: "DUPLICATE_KEY",
      reason: `Map keys must be unique (${JSON.stringify(duplicate.key)} appears twice)`,
    };
  }
  try {
    return { ok: true, document, value: document.toJS({ maxAliasCount }) };
  } catch (thrown) {
    if (thrown instanceof ReferenceError) return aliasLimit;
    if (thrown instanceof RangeError) return tooDeep;
    throw thrown;
  }
}

const aliasLimit = {
  ok: false,
  line: undefined,
  code: "ALIAS_LIMIT",
  reason: `its aliases (*name) expand to more than ${String(maxAliasCount)} nodes, which okf does not read (a YAML alias bomb, or an anchor reused too often)`,
} as const;

const tooDeep = {
  ok: false,
  line: undefined,
  code: "TOO_DEEP",
  reason: "it is nested too deeply to read",
} as const;

function firstDuplicateKey(document: Document): { key: string; offset: number } | undefined {
  let found: { key: string; offset: number } | undefined;
  visit(document, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const value = pair.key.value;
        if (seen.has(value)) {
          found = { key: String(value), offset: pair.key.range?.[0] ?? 0 };
          return visit.BREAK;
        }
        seen.add(value);
      }
      return undefined;
    },
  });
  return found;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf("\n"); at >= 0 && at < offset; at = text.indexOf("\n", at + 1)) line++;
  return line;
}

function firstLine(message: string): string {
  const first = message.split("\n")[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, "");
}
