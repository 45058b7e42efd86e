import { describe, expect, it } from "vitest";
import { selectShape } from "../../../extractors/mysql/select-shape.js";
import { sqlTokens } from "../../../extractors/mysql/sql-tokens.js";

const sources = (definition: string) =>
  selectShape(definition)?.map((item) =>
    item.source
      ? `${item.alias ?? "?"}<-${item.source.database}.${item.source.table}.${item.source.column}`
      : (item.alias ?? "?"),
  );

describe("the view definition scanner", () => {
  it("reads backquotes (doubled inside) and strings with backslashes and doubled quotes", () => {
    const tokens = sqlTokens("`a``b`,'x\\',y''z' `c`");
    expect(tokens).toEqual([
      { kind: "ident", text: "a`b" },
      { kind: "," },
      { kind: "string" },
      { kind: "ident", text: "c" },
    ]);
    expect(() => sqlTokens("select 'open")).toThrow();
  });

  it("takes plain references, three-part or by alias, and nothing else", () => {
    expect(
      sources(
        "select `s`.`t`.`id` AS `id`,`s`.`t`.`email` AS `mail`,ucase(`s`.`t`.`name`) AS `up`," +
          "`s`.`t`.`id` + 1 AS `next`,(select max(`s`.`t`.`id`) from `s`.`t`) AS `top`," +
          "'a,b' AS `lit` from `s`.`t` where `s`.`t`.`id` > 0",
      ),
    ).toEqual(["id<-s.t.id", "mail<-s.t.email", "up", "next", "top", "lit"]);
    expect(
      sources(
        "select distinct `c`.`id` AS `id`,`o`.`note` AS `note` from (`s`.`customer` `c` " +
          "left join `s`.`other` `o` on(`o`.`cid` = `c`.`id`)) join `s`.`x` `p` on(`p`.`a` = 1)",
      ),
    ).toEqual(["id<-s.customer.id", "note<-s.other.note"]);
  });

  it("keeps commas, parentheses, braces and quotes inside names and strings apart", () => {
    const definition =
      "select `w`.`we``ird,(x)` AS `a,b```,'it''s, (' AS `s`,`w`.`{}\\` AS `)`," +
      "concat(`w`.`a`,',') AS `c` from `d,b`.`t ``x`` ` `w`";
    expect(sources(definition)).toEqual([
      "a,b`<-d,b.t `x` .we`ird,(x)",
      "s",
      ")<-d,b.t `x` .{}\\",
      "c",
    ]);
  });

  it("follows a derived table to its base column", () => {
    expect(
      sources(
        "select `x`.`e` AS `ee`,`x`.`n` AS `n` from (select `s`.`c`.`email` AS `e`," +
          "count(0) AS `n` from `s`.`c`) `x`",
      ),
    ).toEqual(["ee<-s.c.email", "n"]);
  });

  it("names no source where a qualifier is ambiguous, unknown or a different database", () => {
    expect(sources("select `t`.`id` AS `id` from `a`.`t` join `b`.`t`")).toEqual(["id"]);
    expect(sources("select `z`.`id` AS `id` from `a`.`t`")).toEqual(["id"]);
    expect(sources("select `b`.`t`.`id` AS `id` from `a`.`t`")).toEqual(["id"]);
  });

  it("gives up on set operations, WITH, a FROM it cannot read and broken text", () => {
    expect(selectShape("select `a`.`t`.`x` AS `x` from `a`.`t` union select 1 AS `x`")).toBe(
      undefined,
    );
    expect(selectShape("with t as (select 1 AS `x`)select `t`.`x` AS `x` from `t`")).toBe(
      undefined,
    );
    expect(selectShape("select `t`.`x` AS `x` from `t`")).toBeUndefined();
    expect(selectShape("select `a`.`t`.`x` AS `x` from `a`.`t` where (")).toBeUndefined();
    expect(selectShape("select 1 AS `one`")).toBeUndefined();
  });
});
