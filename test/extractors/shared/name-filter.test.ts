import { describe, expect, it } from "vitest";
import {
  globMatcher,
  includeExcludeFilter,
  nameFilter,
  usableGlob,
} from "../../../extractors/shared/name-filter.js";
import { ConfigError } from "../../../src/errors.js";

describe("includeExcludeFilter", () => {
  it("takes everything without include, and exclude wins", () => {
    const matches = includeExcludeFilter([], ["*.tmp_*"], "hint");
    expect(matches("sales.orders")).toBe(true);
    expect(matches("sales.tmp_orders")).toBe(false);
    const only = includeExcludeFilter(["sales.*"], ["sales.tmp_*"], "hint");
    expect(["sales.orders", "sales.tmp_x", "hr.people"].filter(only)).toEqual(["sales.orders"]);
  });

  it("matches names that start with a dot, and no trailing slash the glob does not spell", () => {
    const matches = includeExcludeFilter(["*"], [], "hint");
    expect(matches(".hidden")).toBe(true);
    expect(matches("orders/")).toBe(false);
  });

  it("lets `*` cross a `/` only where it is an ordinary name character", () => {
    expect(includeExcludeFilter(["sales.*"], [], "hint")("sales.a/b")).toBe(false);
    const sql = includeExcludeFilter(["sales.*"], [], "hint", { slashIsCharacter: true });
    expect(sql("sales.a/b")).toBe(true);
    expect(sql("hr.a/b")).toBe(false);
  });

  it("turns a glob picomatch refuses into a ConfigError with the hint", () => {
    const broken = "*".repeat(70_000);
    const thrown = (() => {
      try {
        nameFilter(["x", broken], [], "orders_*");
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(ConfigError);
    const { message, hint } = thrown as ConfigError;
    expect(message).toMatch(/^An include\/exclude pattern \(x, \*+\) is not a usable glob/);
    expect(hint).toBe("Patterns use picomatch syntax, e.g. orders_*.");
  });
});

describe("globMatcher", () => {
  it("is undefined without globs", () => {
    expect(globMatcher([], "hint")).toBeUndefined();
  });
});

describe("usableGlob", () => {
  it("says which pattern failed", () => {
    const thrown = () =>
      usableGlob(
        () => {
          throw new Error("too long");
        },
        "The databases pattern x",
        "Use shorter globs.",
      );
    expect(thrown).toThrow("The databases pattern x is not a usable glob: too long");
  });
});
