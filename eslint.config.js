// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** One layer's forbidden imports, as ESLint sees them: relative specifiers matched by regex. */
function boundary(files, forbidden, message) {
  return {
    files,
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ regex: forbidden, message }] }],
    },
  };
}

// The layers of docs/development.md: data flows extract → profile → classify → render → merge →
// write, and nothing reaches back to a later stage.
const layers = [
  boundary(["src/model/**"], "^\\.\\./", "The model imports nothing outside src/model."),
  boundary(
    ["src/render/**"],
    "(^|/)(bundle|pipeline|git|cli|steward|validate|mcp|search|proposals|extractors)/",
    "Render knows nothing of the bundle, the pipeline or the extractors.",
  ),
  boundary(
    ["src/bundle/**", "src/knowledge-file/**"],
    "(^|/)(render|pipeline|cli|extractors)/",
    "The bundle and the knowledge file format know nothing of rendering, the pipeline or the extractors.",
  ),
  boundary(
    ["src/profiler/**", "src/classifier/**", "src/detectors/**"],
    "(^|/)(render|bundle|pipeline|cli|extractors|git)/",
    "Profiling and classification come before render and merge and never see a source's driver.",
  ),
  boundary(
    ["extractors/**"],
    "^(\\.\\./)+src/(?!model/|config/|errors\\.js|secrets\\.js)",
    "Extractors import only extractors/ and, from src/, the model, the config schema, errors and secrets.",
  ),
];

export default tseslint.config(
  {
    ignores: [
      "dist/",
      "node_modules/",
      "knowledge/",
      "coverage/",
      "bin/",
      // Stand-in programs the tests run with plain node: JavaScript, outside the TS project.
      "test/extractors/external/fixtures/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  ...layers,
  { files: ["**/*.js"], ...tseslint.configs.disableTypeChecked },
);
