/**
 * A reader for PostgreSQL's node-tree text (`pg_node_tree`, as `pg_rewrite.ev_action::text`
 * shows it), the format of the server's outfuncs.c / read.c: `{NODE :field value ...}` nodes,
 * `(...)` lists, `<>` for null, and bare tokens in which a backslash makes the next character
 * literal (a space, a parenthesis or brace, a backslash, or a leading `<`, `"` or digit).
 */

export type NodeValue = string | null | NodeValue[] | TreeNode;

export interface TreeNode {
  node: string;
  /** Each field's value: one item, plus any bare tokens after it (a Const's datum bytes). */
  fields: Map<string, NodeValue[]>;
}

type Token = { kind: "(" | ")" | "{" | "}" } | { kind: "atom"; raw: string };

const isSpace = (char: string): boolean => char === " " || char === "\n" || char === "\t";
const isSpecial = (char: string): boolean =>
  char === "(" || char === ")" || char === "{" || char === "}";

/** Splits the text the way read.c's pg_strtok does. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text.charAt(at);
    if (isSpace(char)) {
      at += 1;
    } else if (isSpecial(char)) {
      tokens.push({ kind: char as "(" | ")" | "{" | "}" });
      at += 1;
    } else {
      const start = at;
      while (at < text.length && !isSpace(text.charAt(at)) && !isSpecial(text.charAt(at))) {
        at += text.charAt(at) === "\\" && at + 1 < text.length ? 2 : 1;
      }
      tokens.push({ kind: "atom", raw: text.slice(start, at) });
    }
  }
  return tokens;
}

/** A bare token's value: `<>` is null, and a backslash makes the next character literal. */
export function atomValue(raw: string): string | null {
  if (raw === "<>") return null;
  return raw.replace(/\\(.)/gs, "$1");
}

/** A field name is a bare `:word`; an escaped or quoted string never reads as one. */
const isFieldName = (token: Token | undefined): token is { kind: "atom"; raw: string } =>
  token?.kind === "atom" && /^:[A-Za-z_][A-Za-z0-9_]*$/.test(token.raw);

class NodeTreeError extends Error {}

/** Reads the whole text as one value; throws NodeTreeError when it is not well formed. */
export function readNodeTree(text: string): NodeValue {
  const tokens = tokenize(text);
  let at = 0;

  const next = (): Token => {
    const token = tokens[at];
    if (!token) throw new NodeTreeError("the node tree ends early");
    at += 1;
    return token;
  };

  const readItem = (): NodeValue => {
    const token = next();
    if (token.kind === "atom") return atomValue(token.raw);
    if (token.kind === "(") {
      const items: NodeValue[] = [];
      while (tokens[at]?.kind !== ")") items.push(readItem());
      at += 1;
      return items;
    }
    if (token.kind === "{") return readNode();
    throw new NodeTreeError(`unexpected "${token.kind}"`);
  };

  const readNode = (): TreeNode => {
    const name = next();
    if (name.kind !== "atom") throw new NodeTreeError("a node without a name");
    const fields = new Map<string, NodeValue[]>();
    while (tokens[at]?.kind !== "}") {
      const field = next();
      if (!isFieldName(field)) throw new NodeTreeError("a node value without a field name");
      // Exactly one item follows a field name, even one that looks like `:name` (a column
      // called ":x" is written bare); only bare tokens may follow it (a datum's bytes).
      const values = [readItem()];
      while (tokens[at]?.kind === "atom" && !isFieldName(tokens[at])) values.push(readItem());
      fields.set(field.raw.slice(1), values);
    }
    at += 1;
    return { node: name.raw, fields };
  };

  const value = readItem();
  if (at !== tokens.length) throw new NodeTreeError("text after the node tree");
  return value;
}

export const isTreeNode = (value: NodeValue | undefined): value is TreeNode =>
  typeof value === "object" && value !== null && !Array.isArray(value);
