import path from "node:path";
import { defineConfig } from "vitest/config";

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
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
