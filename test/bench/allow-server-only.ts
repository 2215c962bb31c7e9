// The receipt code starts with `import "server-only"`, whose default entry throws outside React
// Server Components (Next resolves the empty "react-server" entry instead). The benchmark is a
// plain Node process, so it pre-loads the package as an empty module. Imported first by run.ts;
// `--conditions react-server` would also do it but would hand react-pdf React's server build.
import { createRequire } from "node:module";

const require = createRequire(__filename);
const id = require.resolve("server-only");
require.cache[id] = { id, filename: id, loaded: true, exports: {} } as NodeJS.Module;
