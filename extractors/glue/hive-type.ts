/**
 * A Hive type as the Glue Data Catalog stores it: `struct<a:int,b:array<struct<c:string>>>`,
 * `map<string,struct<x:int>>`, `decimal(10,2)`, `varchar(20)`.
 */
export type HiveType =
  | { kind: "primitive"; name: string; args?: string }
  | { kind: "array"; element: HiveType }
  | { kind: "map"; key: HiveType; value: HiveType }
  | { kind: "struct"; fields: StructMember[] }
  | { kind: "union"; members: HiveType[] };

interface StructMember {
  name: string;
  type: HiveType;
  comment?: string;
}

/** Deeper nesting than this is treated as malformed, so a hostile type cannot exhaust the stack. */
const maxDepth = 64;

class Malformed extends Error {}

/** A recursive-descent parser over one type string; `parse` throws `Malformed` on bad input. */
class HiveTypeParser {
  private index = 0;

  constructor(private readonly text: string) {}

  parse(): HiveType {
    const type = this.type(0);
    this.skipSpace();
    if (this.index < this.text.length) throw new Malformed();
    return type;
  }

  private type(depth: number): HiveType {
    if (depth > maxDepth) throw new Malformed();
    const name = this.typeName();
    const lower = name.toLowerCase();
    this.skipSpace();
    if (this.peek() === "<") {
      this.index += 1;
      const composite = this.composite(lower, depth + 1);
      this.expect(">");
      return composite;
    }
    if (this.peek() === "(") return { kind: "primitive", name, args: this.parenthesised() };
    return { kind: "primitive", name };
  }

  private composite(name: string, depth: number): HiveType {
    if (name === "array") return { kind: "array", element: this.type(depth) };
    if (name === "map") {
      const key = this.type(depth);
      this.expect(",");
      return { kind: "map", key, value: this.type(depth) };
    }
    if (name === "struct") return { kind: "struct", fields: this.structMembers(depth) };
    if (name === "uniontype") {
      const members = [this.type(depth)];
      while (this.accept(",")) members.push(this.type(depth));
      return { kind: "union", members };
    }
    throw new Malformed();
  }

  private structMembers(depth: number): StructMember[] {
    const members: StructMember[] = [];
    this.skipSpace();
    if (this.peek() === ">") return members;
    do {
      const name = this.memberName();
      this.expect(":");
      const type = this.type(depth);
      const comment = this.comment();
      members.push(comment === undefined ? { name, type } : { name, type, comment });
    } while (this.accept(","));
    return members;
  }

  /** `int`, `decimal`, and multi-word names such as `timestamp with local time zone`. */
  private typeName(): string {
    this.skipSpace();
    const words = [this.word()];
    if (words[0] === "") throw new Malformed();
    for (;;) {
      const start = this.index;
      this.skipSpace();
      const next = this.word();
      if (next === "" || next.toLowerCase() === "comment") {
        this.index = start;
        break;
      }
      words.push(next);
    }
    return words.join(" ");
  }

  private word(): string {
    const start = this.index;
    while (/[A-Za-z0-9_]/.test(this.peek())) this.index += 1;
    return this.text.slice(start, this.index);
  }

  /** A backquoted name (`` `a b` ``, with ``` `` ``` for a backquote) or text up to `:`. */
  private memberName(): string {
    this.skipSpace();
    if (this.accept("`")) {
      let name = "";
      for (;;) {
        const end = this.text.indexOf("`", this.index);
        if (end < 0) throw new Malformed();
        name += this.text.slice(this.index, end);
        this.index = end + 1;
        if (this.peek() !== "`") return name;
        name += "`";
        this.index += 1;
      }
    }
    const start = this.index;
    while (this.index < this.text.length && !":<>,".includes(this.peek())) this.index += 1;
    const name = this.text.slice(start, this.index).trim();
    if (name === "") throw new Malformed();
    return name;
  }

  /** `COMMENT 'text'` after a struct member's type, as Hive's DDL writes it. */
  private comment(): string | undefined {
    const start = this.index;
    this.skipSpace();
    if (this.word().toLowerCase() !== "comment") {
      this.index = start;
      return undefined;
    }
    this.skipSpace();
    const quote = this.peek();
    if (quote !== "'" && quote !== '"') throw new Malformed();
    const end = this.text.indexOf(quote, this.index + 1);
    if (end < 0) throw new Malformed();
    const comment = this.text.slice(this.index + 1, end);
    this.index = end + 1;
    return comment;
  }

  /** `(10,2)` of `decimal(10,2)`, kept as written. */
  private parenthesised(): string {
    const end = this.text.indexOf(")", this.index);
    if (end < 0) throw new Malformed();
    const args = this.text.slice(this.index + 1, end);
    if (args.includes("(")) throw new Malformed();
    this.index = end + 1;
    return args.trim();
  }

  private peek(): string {
    return this.text.charAt(this.index);
  }

  private skipSpace(): void {
    while (/\s/.test(this.peek())) this.index += 1;
  }

  private accept(token: string): boolean {
    this.skipSpace();
    if (this.peek() !== token) return false;
    this.index += 1;
    return true;
  }

  private expect(token: string): void {
    if (!this.accept(token)) throw new Malformed();
  }
}

/** The parsed type, or `undefined` when the text is not a well-formed Hive type. */
export function parseHiveType(text: string): HiveType | undefined {
  try {
    return new HiveTypeParser(text).parse();
  } catch (error) {
    if (error instanceof Malformed) return undefined;
    throw error;
  }
}

/** Member names that would not read back unquoted are backquoted. */
function memberText(name: string): string {
  return /^[A-Za-z0-9_$]+$/.test(name) ? name : `\`${name.replaceAll("`", "``")}\``;
}

/** The type as Glue writes it: no spaces, lower-case keywords. */
export function formatHiveType(type: HiveType): string {
  switch (type.kind) {
    case "primitive":
      return type.args === undefined ? type.name : `${type.name}(${type.args.replace(/\s+/g, "")})`;
    case "array":
      return `array<${formatHiveType(type.element)}>`;
    case "map":
      return `map<${formatHiveType(type.key)},${formatHiveType(type.value)}>`;
    case "struct":
      return `struct<${type.fields.map((f) => `${memberText(f.name)}:${formatHiveType(f.type)}`).join(",")}>`;
    case "union":
      return `uniontype<${type.members.map(formatHiveType).join(",")}>`;
  }
}
