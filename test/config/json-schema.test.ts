import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { configJsonSchemaPath } from "../../src/config/json-schema.js";
import type { BadInputCase } from "../bad-input/bad-input-case.js";
import { configTypeCases } from "../bad-input/config-type-cases.js";
import { configValueCases } from "../bad-input/config-value-cases.js";

/*
 * The shipped schema checked with a JSON Schema validator, as an editor would (ajv, a development
 * dependency only, with its formats such as uri).
 */

const root = join(import.meta.dirname, "../..");
const schema = JSON.parse(readFileSync(join(root, configJsonSchemaPath), "utf8")) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);

const topLevelKeys = new Set(["bundle", "defaults", "templates", "sources", "classification"]);

/** Every yaml code block of README.md, docs/ and docs/sources/ that is an okf config. */
function documentedConfigs(): Array<{ where: string; config: unknown }> {
  const files = [
    "README.md",
    ...readdirSync(join(root, "docs"))
      .filter((name) => name.endsWith(".md"))
      .map((name) => `docs/${name}`),
    ...readdirSync(join(root, "docs/sources"))
      .filter((name) => name.endsWith(".md"))
      .map((name) => `docs/sources/${name}`),
  ];
  return files.flatMap((file) => {
    const text = readFileSync(join(root, file), "utf8");
    return [...text.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)].flatMap((block) => {
      let config: unknown;
      try {
        config = parse(block[1] ?? "");
      } catch {
        return []; // an excerpt with "…" in it, not a config
      }
      const isConfig =
        config !== null &&
        typeof config === "object" &&
        "sources" in config &&
        Array.isArray(config.sources) &&
        Object.keys(config).every((key) => topLevelKeys.has(key));
      const line = text.slice(0, block.index).split("\n").length;
      return isConfig ? [{ where: `${file}:${String(line)}`, config }] : [];
    });
  });
}

/**
 * Bad-input cases a JSON Schema cannot refuse: checks across keys or against the environment,
 * and what zod checks in code. The schema must refuse every other case of the corpus.
 */
const outOfReach = new Set([
  // One source against another: unique names, a glue_source naming a glue source.
  "duplicate source names",
  "source names that differ only in case",
  "a redshift glue_source naming no glue source",
  // One key against another: the cluster's region in resource_arn, two AWS profiles.
  "an rds-data cluster in another region",
  "a dynamodb profile name next to an aws_profile",
  // ${NAME} references, replaced by okf before the schema's checks apply.
  "an unset environment variable",
  "an environment variable set to the empty string",
  "an unclosed ${ in the connection",
  "an unclosed ${ in a domain",
  "an empty ${}",
  "an environment reference that is not a name",
  // Checked in code: a regular expression that compiles, an @ left unencoded in a password.
  "a custom rule with an invalid regular expression",
  "a URL with an unencoded @ in the password",
]);

function errorsOf(config: unknown): string {
  return validate(config) ? "" : JSON.stringify(validate.errors);
}

function caseConfig(testCase: BadInputCase): unknown {
  const text = testCase.files?.["okf.config.yaml"];
  if (typeof text !== "string") throw new Error(`${testCase.name}: no okf.config.yaml`);
  return parse(text);
}

describe("the shipped JSON Schema", () => {
  const examples = documentedConfigs();

  it("finds the example configs of the docs", () => {
    expect(examples.length).toBeGreaterThanOrEqual(7);
  });

  it.each(examples)("accepts the example config at $where", ({ config }) => {
    expect(errorsOf(config)).toBe("");
  });

  const corpus = [...configTypeCases, ...configValueCases];

  it("knows every case it leaves out", () => {
    const names = new Set(corpus.map((testCase) => testCase.name));
    expect([...outOfReach].filter((name) => !names.has(name))).toEqual([]);
  });

  it.each(corpus.filter((testCase) => !outOfReach.has(testCase.name)))(
    "rejects the bad-input config: $name",
    (testCase) => {
      expect(validate(caseConfig(testCase))).toBe(false);
    },
  );

  it.each(corpus.filter((testCase) => outOfReach.has(testCase.name)))(
    "accepts (out of its reach) the bad-input config: $name",
    (testCase) => {
      expect(errorsOf(caseConfig(testCase))).toBe("");
    },
  );
});
