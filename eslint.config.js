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
    ["src/relate/**"],
    "(^|/)(render|bundle|pipeline|git|cli|extractors)/",
    "Relating datasets comes after classify and before render and merge.",
  ),
  boundary(
    ["extractors/**"],
    "^(\\.\\./)+src/(?!model/|errors\\.js|secrets\\.js)",
    "Extractors import only extractors/ and, from src/, the model, errors and secrets.",
  ),
  // Loading a config must not load a driver or an SDK: the config side of the extractors
  // (config-schemas.ts, each folder's config-schema.ts, shared/config-*.ts) is zod and itself.
  // Placed after the extractors/** rule, which it replaces for these files.
  boundary(
    ["extractors/config-schemas.ts", "extractors/*/config-*.ts"],
    "^(?!zod$|picomatch$|\\.\\.?/(shared/)?config-[a-z-]+\\.js$|\\./[a-z-]+/config-schema\\.js$|(\\.\\./)+src/errors\\.js$)",
    "A config schema module imports only zod, picomatch, the other config modules of extractors/ and src/errors.",
  ),
  boundary(
    ["src/config/**"],
    "^(\\.\\./)+extractors/(?!config-schemas\\.js$|[a-z-]+/config-[a-z-]+\\.js$)",
    "The config layer imports only the config side of the extractors (config-schemas.ts, */config-*.ts), never their code.",
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
