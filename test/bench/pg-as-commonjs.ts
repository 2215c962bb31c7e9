// Under the "import" condition run.ts adds for react-pdf, require("pg-pool") resolves to its ESM
// wrapper, which tsx compiles to `{ default: Pool }` — and pg's `class extends Pool` then fails as
// soon as anything loads the pg adapter (prisma/client.ts, prisma/migrate.ts). The benchmarks'
// process takes pg and pg-pool as the CommonJS packages they are: each wrapper's cache entry is
// the package's CommonJS entry. Imported by bench.ts before anything that reaches pg.
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(__filename);

for (const [name, commonJsEntry] of [
  ["pg-pool", "../index.js"],
  ["pg", "../lib/index.js"],
] as const) {
  const wrapper = require.resolve(name);
  if (!wrapper.endsWith(".mjs")) continue; // the condition is not on: nothing to undo
  const exports: unknown = require(path.join(path.dirname(wrapper), commonJsEntry));
  require.cache[wrapper] = { id: wrapper, filename: wrapper, loaded: true, exports } as NodeJS.Module;
}
