// Generated bad requests for the attack suite (issue 12 item 7), from a seed so a failing run can be
// replayed: `ATTACK_SEED=<the printed seed>`. Each payload class is one way a request can be bad;
// the suite counts answers per target and class. None carries a valid session proof, so none can
// succeed: every one must be refused without a 5xx and without a row changed.
import fc from "fast-check";

/** Text no form should accept: the classes the attack run of issue 12 found stored or crashing. */
const hostileText = fc.oneof(
  fc.constantFrom(
    "\uD800",
    "a\uDC00b",
    "\u0000",
    "\u001b[2J\u001b[31m",
    "\u202Eevil\u202C",
    "\u2066x\u2069",
    "\u200B\u200D\uFEFF",
    "x\r\nBcc: attacker@example.com",
    "$@1",
    "$F1",
    "$K1",
    "$Q",
    "__proto__",
    "constructor",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "%00",
    "\u0085\u2028\u2029",
  ),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.integer({ min: 1000, max: 20_000 }).map((n) => "あ".repeat(n)),
);

/** Field names the kiosk's and the console's inputs use, so junk reaches their validation. */
const FIELD_NAMES = [
  "pin",
  "purpose",
  "screen",
  "lastError",
  "seconds",
  "agencyCode",
  "kind",
  "officialName",
  "userId",
  "password",
  "representative",
  "department",
  "holderMismatchAcknowledged",
  "propagate",
  "reason",
  "login",
  "role",
  "id",
  "callId",
  "goods",
  "action",
  "label",
  "__proto__",
];

const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: "small" },
  hostileText,
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, true, false, 0, -1, 1e308, "", [], {}),
);

const junkObject = fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string()), junkValue, {
  maxKeys: 6,
});

/** Arguments as React would encode them: a JSON array of junk. */
export const junkArgs = fc.array(fc.oneof(junkObject, junkValue), { maxLength: 3 });

/** Bodies React never sends: broken JSON, React's reference markers pointing nowhere, bytes. */
export const malformedBody = fc.oneof(
  fc.constantFrom(
    "",
    "[",
    "{",
    '["$@1"]',
    '["$F1"]',
    '["$K1"]',
    '["$Q1"]',
    '["$W1"]',
    '["$1"]',
    '["$T"]',
    '["$B1"]',
    '["$n"]',
    '"$undefined"',
    "null",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
  ),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.json({ maxDepth: 3 }),
  junkArgs.map((a) => JSON.stringify(a).slice(0, -1)),
  fc.string({ maxLength: 8 }).map((s) => `["$${s}"]`),
);

/** multipart/form-data with made-up fields: the encoding React uses for forms and files. */
export const junkForm = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom("0", "1", "1_reason", "1_login", "$ACTION_REF_1", "$ACTION_1:0", "$ACTION_KEY"),
        fc.constantFrom(...FIELD_NAMES),
        fc.string({ maxLength: 10 }),
      ),
      fc.oneof(hostileText, fc.json({ maxDepth: 2 })),
    ),
    { maxLength: 5 },
  )
  .map((entries) => {
    const form = new FormData();
    for (const [k, v] of entries) form.append(k, v);
    return form;
  });

/** A Next-Action id of the right shape that no build emitted, or not of the right shape at all. */
export const unknownActionId = fc.oneof(
  fc.stringMatching(/^[0-9a-f]{42}$/),
  fc.string({ maxLength: 60 }).filter((s) => /^[\x21-\x7e]*$/.test(s)),
);

/** Origins of other sites, and the opaque origin a sandboxed frame or file:// sends. */
export const foreignOrigin = fc.constantFrom(
  "null",
  "http://evil.example",
  "http://127.0.0.1:1",
  "https://localhost",
  "http://127.0.0.1.evil.example",
);

export const httpMethod = fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

/** A request at a route: method, an extra path or query, headers and body, all made up. */
export const routeRequest = fc.record({
  method: httpMethod,
  suffix: fc.oneof(
    fc.constant(""),
    fc.webPath().map((p) => p.replace(/^\/+/, "/")),
    fc.webQueryParameters().map((q) => `?${q}`),
    fc.constantFrom("/..%2f..%2fetc%2fpasswd", "%00", "?__proto__[x]=1", "/%ED%A0%80"),
  ),
  origin: fc.option(foreignOrigin, { nil: undefined }),
  contentType: fc.constantFrom(
    "application/json",
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/octet-stream",
  ),
  body: malformedBody,
});
export type RouteRequest = {
  method: string;
  suffix: string;
  origin?: string;
  contentType: string;
  body: string;
};

/** The run's seed: ATTACK_SEED when given (to replay a failure), else a fresh one. */
export function attackSeed(): number {
  const given = Number(process.env.ATTACK_SEED);
  return Number.isInteger(given) && process.env.ATTACK_SEED ? given : Math.floor(Math.random() * 2 ** 31);
}

/** `n` values of `arb` from `seed` (the same every time for the same seed). */
export function sample<T>(arb: fc.Arbitrary<T>, seed: number, n: number): T[] {
  return n <= 0 ? [] : fc.sample(arb, { seed, numRuns: n });
}
