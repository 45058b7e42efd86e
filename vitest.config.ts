import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Test files create their own databases; a few at a time keeps the 2-core machine responsive.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
