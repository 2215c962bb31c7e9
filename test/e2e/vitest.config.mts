import path from "node:path";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

// The browser suites share one terminal, one card reader and one database, so what one leaves
// behind (a registered card) is another's starting state: run them in file-name order, the same
// every time, instead of vitest's duration-based order.
class ByFileName extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId));
  }
}

const root = path.resolve(import.meta.dirname, "../..");

export default defineConfig({
  root,
  resolve: {
    alias: { "@": root, "server-only": path.join(root, "test/support/server-only.ts") },
  },
  test: {
    include: ["test/e2e/**/*.e2e.ts"],
    setupFiles: ["test/support/setup.ts"],
    environment: "node",
    // one browser flow at a time: they share one terminal, one card reader and one database
    fileParallelism: false,
    sequence: { sequencer: ByFileName },
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
