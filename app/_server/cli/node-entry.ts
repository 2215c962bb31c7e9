// Command-line entry points (`npm run audit:verify`, …) run the server's services in a plain Node
// process. `server-only`'s default entry throws outside React Server Components, so it is
// pre-loaded as an empty module; import this file first in every CLI script.
import { createRequire } from "node:module";

const require = createRequire(__filename);
const id = require.resolve("server-only");
require.cache[id] = { id, filename: id, loaded: true, exports: {} } as NodeJS.Module;
