// Issue 12 item 1 against `next start`: every kind of answer carries the security headers and a
// CSP whose script nonce is fresh per request (a kiosk page, a staff page, a receipt PDF, an API
// route, a 404, a server action POST, a static file); the kiosk page runs under it without one
// violation; and a page on another port of the same host cannot frame /staff/accounts with an
// admin signed in (the clickjacking the attack run showed).
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE_URL, launch, queryAll } from "./support";

const COMMON = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
};

function expectSecurityHeaders(response: Response, what: string, frameable = false): void {
  for (const [name, value] of Object.entries(COMMON)) {
    expect(response.headers.get(name), `${what}: ${name}`).toBe(value);
  }
  expect(response.headers.get("permissions-policy"), what).toContain("camera=()");
  expect(response.headers.get("x-frame-options"), what).toBe(frameable ? "SAMEORIGIN" : "DENY");
  const csp = response.headers.get("content-security-policy") ?? "";
  expect(csp, `${what}: CSP`).toContain(frameable ? "frame-ancestors 'self'" : "frame-ancestors 'none'");
  expect(csp, what).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
}

function nonceOf(response: Response): string | undefined {
  return /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
}

type Jar = Map<string, string>;

async function send(url: string, jar: Jar, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (jar.size > 0) headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
  const response = await fetch(`${BASE_URL}${url}`, { ...init, headers, redirect: "manual" });
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
  }
  return response;
}

/** admin01 through next-auth's own endpoints (CSRF token, then the credentials callback). */
async function adminJar(): Promise<Jar> {
  const jar: Jar = new Map();
  const { csrfToken } = (await (await send("/api/auth/csrf", jar)).json()) as { csrfToken: string };
  const response = await send("/api/auth/callback/credentials", jar, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: BASE_URL },
    body: new URLSearchParams({
      csrfToken,
      login: "admin01",
      password: "kiosk-admin-01",
      callbackUrl: "/staff",
    }),
  });
  expect(response.status).toBe(302);
  return jar;
}

describe("issue 12 item 1: security headers on every answer", () => {
  let admin: Jar;
  beforeAll(async () => {
    admin = await adminJar();
  });

  it("a kiosk page: the headers, and a nonce on every script that differs per request", async () => {
    const first = await send("/", new Map());
    expect(first.status).toBe(200);
    expectSecurityHeaders(first, "/");
    const nonce = nonceOf(first)!;
    expect(nonce).toBeTruthy();
    const html = await first.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    const second = await send("/", new Map());
    await second.text();
    expect(nonceOf(second)).not.toBe(nonce);
  });

  it("a staff page (signed in and not), the sign-in API, the kiosk's API routes and a 404", async () => {
    const accounts = await send("/staff/accounts", admin);
    expect(accounts.status).toBe(200);
    expectSecurityHeaders(accounts, "/staff/accounts");
    const targets: [string, Jar][] = [
      ["/staff/signin", new Map()],
      ["/staff", new Map()],
      ["/api/auth/csrf", new Map()],
      ["/api/health", new Map()],
      ["/api/card", new Map()],
      ["/api/staff/calls", new Map()],
      ["/no-such-page", new Map()],
      ["/icon.svg", new Map()],
    ];
    for (const [url, jar] of targets) {
      const response = await send(url, jar);
      await response.arrayBuffer();
      expectSecurityHeaders(response, `${url} (${response.status})`);
    }
    const missing = await send("/no-such-page", new Map());
    expect(missing.status).toBe(404);
  });

  it("a server action POST, known or not, answers with the headers", async () => {
    const response = await send("/", new Map(), {
      method: "POST",
      headers: {
        "next-action": "0".repeat(42),
        origin: BASE_URL,
        "content-type": "text/plain;charset=UTF-8",
      },
      body: "[]",
    });
    await response.arrayBuffer();
    expectSecurityHeaders(response, `server action POST (${response.status})`);
  });

  it("a static file from /_next/static (next.config.js)", async () => {
    const html = await (await send("/", new Map())).text();
    const src = /<script[^>]+src="(\/_next\/static\/[^"]+)"/.exec(html)![1]!;
    const response = await send(src, new Map());
    await response.arrayBuffer();
    expect(response.status).toBe(200);
    expectSecurityHeaders(response, src);
  });

  it("a receipt PDF: inline as <番号>.pdf, never cached, framable by the kiosk's own page only", async () => {
    const [row] = queryAll<{ number: string }>(`SELECT "number" FROM "Receipt" ORDER BY "number" LIMIT 1`);
    expect(row, "a receipt exists (card-rules.e2e.ts prints one before this file)").toBeDefined();
    const response = await send(`/receipts/${row!.number}`, admin);
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    expectSecurityHeaders(response, "receipt", true);
    expect(response.headers.get("content-disposition")).toBe(`inline; filename="${row!.number}.pdf"`);
    expect(response.headers.get("cache-control")).toBe("no-store");
    // refused (no visit, no staff): the same headers
    const refused = await send(`/receipts/${row!.number}`, new Map());
    expect(refused.status).toBe(403);
    expectSecurityHeaders(refused, "refused receipt", true);
  });
});

describe("issue 12 item 1 in Chromium", () => {
  let browser: Browser;
  let other: http.Server;
  let otherUrl: string;
  beforeAll(async () => {
    browser = await launch();
    // the attacker's page: same host, another port (same site, so a Lax cookie would be sent)
    other = http.createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<!doctype html><title>other</title><iframe id="f" src="${BASE_URL}/staff/accounts"></iframe>`);
    });
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => other?.close(resolve));
  });

  it("the kiosk page runs under the CSP without a violation or console error", async () => {
    const context = await browser.newContext({ locale: "ja-JP" });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console.error: ${m.text()}`);
    });
    await page.addInitScript(() => {
      const w = window as unknown as { violations: string[] };
      w.violations = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        w.violations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await page.goto(BASE_URL);
    // hydrated: the start screen's buttons answer
    await page.getByRole("button").first().waitFor();
    await page.waitForLoadState("networkidle");
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("the receipt PDF still shows in a same-origin frame, and from a blob: frame as 印刷 loads it", async () => {
    const [row] = queryAll<{ number: string }>(`SELECT "number" FROM "Receipt" ORDER BY "number" LIMIT 1`);
    expect(row, "a receipt exists (card-rules.e2e.ts prints one before this file)").toBeDefined();
    const context = await browser.newContext({ locale: "ja-JP" });
    const page = await context.newPage();
    const messages: string[] = [];
    page.on("console", (m) => messages.push(`${m.type()}: ${m.text()}`));
    await page.goto(`${BASE_URL}/staff/accounts`);
    await page.getByLabel("ログイン名").fill("admin01");
    await page.getByLabel("パスワード").fill("kiosk-admin-01");
    await page.getByRole("button", { name: "サインイン" }).click();
    await page.getByRole("heading", { name: "職員アカウント" }).waitFor();
    const href = `/receipts/${row!.number}`;
    const framed = page.waitForResponse((r) => r.url().endsWith(href));
    // as the 受付票（PDF） dialog does, and as printReceipt.ts does (fetch → blob: URL → frame)
    await page.evaluate(async (src) => {
      const load = (url: string) =>
        new Promise<void>((resolve) => {
          const frame = document.createElement("iframe");
          frame.onload = () => resolve();
          frame.src = url;
          document.body.appendChild(frame);
        });
      await load(src);
      await load(URL.createObjectURL(await (await fetch(src)).blob()));
    }, href);
    expect((await framed).status()).toBe(200);
    const frames = page.frames().filter((f) => f !== page.mainFrame());
    // (the PDF viewer may add frames of its own inside each)
    expect(frames.map((f) => f.url().replace(/[0-9a-f-]{36}$/, "<id>"))).toEqual(
      expect.arrayContaining([`${BASE_URL}${href}`, `blob:${BASE_URL}/<id>`]),
    );
    // Chromium says so on the console when a CSP blocks a frame or the PDF plugin
    expect(messages.filter((m) => /Refused|Content Security Policy|error:/.test(m))).toEqual([]);
    await context.close();
  });

  it("a page on another port cannot frame /staff/accounts with admin01 signed in", async () => {
    const context = await browser.newContext({ locale: "ja-JP" });
    const page = await context.newPage();
    await page.goto(`${BASE_URL}/staff/accounts`);
    await page.getByLabel("ログイン名").fill("admin01");
    await page.getByLabel("パスワード").fill("kiosk-admin-01");
    await page.getByRole("button", { name: "サインイン" }).click();
    await page.getByRole("heading", { name: "職員アカウント" }).waitFor();

    const attacker = await context.newPage();
    const refusals: string[] = [];
    attacker.on("console", (m) => refusals.push(m.text()));
    const framed = attacker.waitForResponse((r) => r.url().startsWith(`${BASE_URL}/staff/accounts`));
    await attacker.goto(otherUrl);
    const response = await framed;
    // the server did answer the framed request with the page: only the browser's refusal protects it
    expect(response.status()).toBe(200);
    expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    await expect.poll(() => refusals.some((t) => /frame-ancestors/.test(t))).toBe(true);
    const frame = attacker.frames().find((f) => f !== attacker.mainFrame());
    // Chromium shows its error page in place of the console: nothing of it reaches the frame
    const text = frame ? await frame.evaluate(() => document.body?.innerText ?? "").catch(() => "") : "";
    expect(text).not.toContain("職員アカウント");
    expect(frame?.url() ?? "").not.toBe(`${BASE_URL}/staff/accounts`);
    await context.close();
  });
});
