import { describe, expect, it } from "vitest";
import {
  atomValue,
  readNodeTree,
  tokenize,
  type TreeNode,
} from "../../../extractors/postgres/node-tree.js";
import { viewColumnOrigins } from "../../../extractors/postgres/view-targets.js";

const entry = (resno: number, resname: string, table: number, column: number, junk = false) =>
  `{TARGETENTRY :expr {VAR :varno 1 :varattno ${String(column)} :location 7} :resno ${String(resno)}` +
  ` :resname ${resname} :ressortgroupref 0 :resorigtbl ${String(table)}` +
  ` :resorigcol ${String(column)} :resjunk ${String(junk)}}`;

const query = (targets: string, before = ":rtable <> :jointree <>", after = ":havingQual <>") =>
  `({QUERY :commandType 1 ${before} :targetList (${targets}) ${after}})`;

describe("the node-tree reader", () => {
  it("splits tokens like pg_strtok: specials alone, backslash escapes kept in the token", () => {
    expect(
      tokenize("({A :b c\\ d :e \\{x\\}})").map((t) => (t.kind === "atom" ? t.raw : t.kind)),
    ).toEqual(["(", "{", "A", ":b", "c\\ d", ":e", "\\{x\\}", "}", ")"]);
  });

  it("reads escaped atoms literally and <> as null", () => {
    expect(atomValue("a\\ b\\\\c")).toBe("a b\\c");
    expect(atomValue("\\(")).toBe("(");
    expect(atomValue("<>")).toBeNull();
    expect(atomValue("\\<>")).toBe("<>");
  });

  it("keeps a Const's datum bytes with its field and nests lists and nodes", () => {
    const tree = readNodeTree("{CONST :consttype 23 :constvalue 4 [ 1 0 0 0 ] :location -1}");
    const node = tree as TreeNode;
    expect(node.node).toBe("CONST");
    expect(node.fields.get("constvalue")).toEqual(["4", "[", "1", "0", "0", "0", "]"]);
    expect(node.fields.get("location")).toEqual(["-1"]);
    expect(readNodeTree("((b 8 9) {X :y ({Z :w <>})})")).toEqual([
      ["b", "8", "9"],
      { node: "X", fields: new Map([["y", [[{ node: "Z", fields: new Map([["w", [null]]]) }]]]]) },
    ]);
  });

  it("reads a value that looks like a field name as the value (a column called :resorigtbl)", () => {
    const node = readNodeTree("{T :resname :resorigtbl :resorigtbl 5}") as TreeNode;
    expect(node.fields.get("resname")).toEqual([":resorigtbl"]);
    expect(node.fields.get("resorigtbl")).toEqual(["5"]);
  });

  it("rejects text that is not well formed", () => {
    for (const text of ["({A :b c}", "{A :b c}}", "{A b}", "{A :b}", ")", "{A :b c} x"]) {
      expect(() => readNodeTree(text), text).toThrow();
    }
  });
});

describe("view column origins", () => {
  it("takes resorigtbl and resorigcol of the top query's plain column references", () => {
    const text = query(
      `${entry(1, "id", 100, 1)} ${entry(2, "upper", 0, 0)} ${entry(3, "m", 100, 2)}`,
    );
    expect(viewColumnOrigins(text)).toEqual([
      { position: 1, relid: 100, column: 1 },
      { position: 3, relid: 100, column: 2 },
    ]);
  });

  it("ignores target lists nested in subqueries before and sublinks after the top one", () => {
    const nested = query(entry(1, "inner", 200, 9));
    const before = `:rtable ({RANGETBLENTRY :subquery ${nested.slice(1, -1)}}) :jointree <>`;
    const after = `:havingQual {SUBLINK :subselect ${query(entry(1, "x", 300, 4)).slice(1, -1)}}`;
    expect(viewColumnOrigins(query(entry(1, "a", 100, 2), before, after))).toEqual([
      { position: 1, relid: 100, column: 2 },
    ]);
  });

  it("reads hostile names without losing the fields after them", () => {
    const names = [":resorigtbl", "a\\ b\\\\c", "\\(", "x,y", "\\{\\}", '"q"', "\\1st"];
    const text = query(names.map((name, at) => entry(at + 1, name, 100, at + 1)).join(" "));
    expect(viewColumnOrigins(text).map((origin) => origin.column)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("skips junk entries and gives nothing for text it cannot read", () => {
    expect(viewColumnOrigins(query(entry(1, "a", 100, 2, true)))).toEqual([]);
    expect(viewColumnOrigins(query(entry(1, "a", 100, 2)).slice(0, -3))).toEqual([]);
    expect(viewColumnOrigins(`(${query(entry(1, "a", 1, 1)).slice(1, -1)} {QUERY})`)).toEqual([]);
    expect(viewColumnOrigins("")).toEqual([]);
  });
});
