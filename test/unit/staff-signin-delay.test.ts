// The staff sign-in throttle's pure parts (issue 12 item 5): the progressive delay and which
// source address a sign-in is counted against. The delay's use is asserted in
// test/integration/staff-signin-throttle.test.ts with a recorded pause, never the wall clock.
import { describe, expect, it } from "vitest";
import { signInSource, UNKNOWN_SOURCE } from "@/app/_server/staff/signin-source";
import { signInDelayMs } from "@/app/_server/staff/signin-throttle";

describe("signInDelayMs", () => {
  it("is 0 before any failure, then 0.5 s × 2^(n-1), capped at 8 s", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20, 10_000].map(signInDelayMs)).toEqual([
      0, 500, 1000, 2000, 4000, 8000, 8000, 8000, 8000,
    ]);
  });

  it("treats nonsense counts as none", () => {
    expect(signInDelayMs(-1)).toBe(0);
    expect(signInDelayMs(Number.NaN)).toBe(0);
  });
});

describe("signInSource", () => {
  it("without TRUST_PROXY the header is the client's to write: the source is unknown", () => {
    expect(signInSource({ "x-forwarded-for": "203.0.113.5" }, false)).toBe(UNKNOWN_SOURCE);
  });

  it("behind our proxy takes x-forwarded-for's last entry, the address the proxy saw", () => {
    expect(signInSource({ "x-forwarded-for": "10.0.0.1, 203.0.113.5" }, true)).toBe("203.0.113.5");
    expect(signInSource({ "x-forwarded-for": "::ffff:192.0.2.4" }, true)).toBe("192.0.2.4");
    expect(signInSource({ "x-forwarded-for": "2001:DB8::1" }, true)).toBe("2001:db8::1");
  });

  it("anything that is not an address is unknown", () => {
    expect(signInSource({ "x-forwarded-for": "203.0.113.5, evil" }, true)).toBe(UNKNOWN_SOURCE);
    expect(signInSource({}, true)).toBe(UNKNOWN_SOURCE);
    expect(signInSource(undefined, true)).toBe(UNKNOWN_SOURCE);
  });
});
