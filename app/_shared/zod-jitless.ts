// zod 4 compiles object parsers with `new Function` unless told not to, and probes for it when the
// first z.object() is built: under the kiosk's CSP (no 'unsafe-eval', issue 12 item 1) that probe
// is a reported violation even though zod catches it. Imported first by every module that builds
// schemas the screens load, so it runs before any of them.
import { z } from "zod";

z.config({ jitless: true });
