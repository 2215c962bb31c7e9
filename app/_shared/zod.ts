// zod for the whole app, with its own messages in Japanese (issue 12 item 2): a wrong type, a
// missing field or a bad enum answers 「無効な入力: …」, never English. Every module imports z from
// here (a unit test checks), so the locale is set wherever a schema runs: server, screens, tests.
import { z } from "zod";

// Jitless: zod 4 compiles object parsers with `new Function` unless told not to, and probes for it
// when the first z.object() is built — under the kiosk's CSP (no 'unsafe-eval', issue 12 item 1)
// that probe is a reported violation even though zod catches it. Set here, before any schema.
z.config({ jitless: true });
z.config(z.locales.ja());

export { z };
