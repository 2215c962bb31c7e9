// zod for the whole app, with its own messages in Japanese (issue 12 item 2): a wrong type, a
// missing field or a bad enum answers 「無効な入力: …」, never English. Every module imports z from
// here (a unit test checks), so the locale is set wherever a schema runs: server, screens, tests.
import { z } from "zod";

z.config(z.locales.ja());

export { z };
