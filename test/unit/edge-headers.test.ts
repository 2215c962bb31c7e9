// Issue 12 item 1: the security headers' policy (app/_edge/headers.ts), the proxy that applies it,
// next.config.js's copy for /_next/static, and the staff cookies over https.
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import {
  isReceiptPath,
  newNonce,
  pageCsp,
  receiptCsp,
  securityHeaders,
  STATIC_CSP,
  STATIC_HEADERS,
} from "@/app/_edge/headers";
import { proxy, config as proxyConfig } from "@/proxy";

vi.mock("server-only", () => ({}));

/** "a b; c d" → { a: ["b"], c: ["d"] } */
function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(
    csp.split(";").map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

describe("the page CSP (issue 12 item 1)", () => {
  const csp = directives(pageCsp("TheNonce=="));

  it("runs scripts only with the request's nonce: no 'unsafe-inline' or 'unsafe-eval'", () => {
    expect(csp["script-src"]).toContain("'nonce-TheNonce=='");
    expect(csp["script-src"]).toContain("'strict-dynamic'");
    expect(csp["script-src"]).not.toContain("'unsafe-inline'");
    expect(csp["script-src"]).not.toContain("'unsafe-eval'");
    expect(csp["default-src"]).toEqual(["'self'"]);
  });

  it("allows 'unsafe-eval' only under next dev", () => {
    expect(directives(pageCsp("n", true))["script-src"]).toContain("'unsafe-eval'");
  });

  it("forbids framing, plugins, <base> and forms to other origins", () => {
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(csp["object-src"]).toEqual(["'none'"]);
    expect(csp["base-uri"]).toEqual(["'none'"]);
    expect(csp["form-action"]).toEqual(["'self'"]);
    expect(csp["connect-src"]).toEqual(["'self'"]);
  });

  it("lets the kiosk print from a blob: frame and show the receipt in a same-origin frame", () => {
    expect(csp["frame-src"]).toEqual(["'self'", "blob:"]);
    expect(csp["img-src"]).toEqual(["'self'", "data:", "blob:"]);
  });

  it("keeps 'unsafe-inline' for styles only, without a nonce that would void it", () => {
    expect(csp["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
  });
});

describe("securityHeaders", () => {
  it("gives a page nosniff, no-referrer, COOP, X-Frame-Options DENY and a Permissions-Policy", () => {
    const h = securityHeaders("/staff/accounts", "n");
    expect(h).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "Cross-Origin-Opener-Policy": "same-origin",
      "X-Frame-Options": "DENY",
      "Content-Security-Policy": pageCsp("n"),
    });
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb", "serial", "hid"]) {
      expect(h["Permissions-Policy"]).toContain(`${feature}=()`);
    }
  });

  it("lets only the kiosk's own page frame a receipt PDF, which runs nothing", () => {
    expect(isReceiptPath("/receipts/20261126-123456")).toBe(true);
    expect(isReceiptPath("/staff/receipts/20261126-123456")).toBe(false);
    expect(isReceiptPath("/receipts/a/b")).toBe(false);
    const h = securityHeaders("/receipts/20261126-123456", "n");
    expect(h["X-Frame-Options"]).toBe("SAMEORIGIN");
    expect(directives(h["Content-Security-Policy"]!)).toMatchObject({
      "default-src": ["'none'"],
      "frame-ancestors": ["'self'"],
    });
    expect(h["Content-Security-Policy"]).toBe(receiptCsp());
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
  });

  it("makes a fresh 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });
});

describe("proxy.ts", () => {
  it("sets the headers on the answer and the same CSP, with its nonce, on the request Next renders", async () => {
    const response = await proxy(new NextRequest("http://127.0.0.1:3000/staff/accounts"));
    const csp = response.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(csp).toBe(pageCsp(nonce));
    for (const [name, value] of Object.entries(STATIC_HEADERS))
      expect(response.headers.get(name)).toBe(value);
    // NextResponse.next({ request: { headers } }) hands the request headers on as x-middleware-request-*
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(response.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    const again = await proxy(new NextRequest("http://127.0.0.1:3000/staff/accounts"));
    expect(again.headers.get("content-security-policy")).not.toBe(csp);
  });

  it("puts the same headers on a request the guard refuses (issue 12 items 1 and 3)", async () => {
    const refused = await proxy(
      new NextRequest("http://127.0.0.1:3000/api/sim-reader", {
        method: "POST",
        headers: { origin: "null", "content-type": "application/json" },
        body: "{}",
      }),
    );
    expect(refused.status).toBe(403);
    expect(refused.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    for (const [name, value] of Object.entries(STATIC_HEADERS)) expect(refused.headers.get(name)).toBe(value);
  });

  it("runs on everything but /_next/static and /_next/image", () => {
    const [source] = proxyConfig.matcher;
    const re = new RegExp(`^${source}$`);
    for (const p of ["/", "/staff/accounts", "/receipts/1", "/api/health", "/nowhere", "/icon.svg"]) {
      expect(re.test(p), p).toBe(true);
    }
    expect(re.test("/_next/static/chunks/a.js")).toBe(false);
    expect(re.test("/_next/image")).toBe(false);
  });
});

describe("next.config.js", () => {
  it("gives /_next/static the request-independent headers of app/_edge/headers.ts", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const nextConfig = require(path.resolve(__dirname, "../../next.config.js"));
    const rules: { source: string; headers: { key: string; value: string }[] }[] = await nextConfig.headers();
    const rule = rules.find((r) => r.source === "/_next/static/:path*")!;
    expect(Object.fromEntries(rule.headers.map((h) => [h.key, h.value]))).toEqual({
      ...STATIC_HEADERS,
      "Content-Security-Policy": STATIC_CSP,
    });
  });
});

describe("zod under the CSP", () => {
  it("builds the screens' schemas jitless: no `new Function` probe for the CSP to report", async () => {
    await import("@/app/_shared/schemas");
    const { z } = await import("zod");
    expect(z.config().jitless).toBe(true);
  });
});
