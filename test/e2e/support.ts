// Browser-test helpers: Debian Chromium through playwright-core, the kiosk under test at
// E2E_BASE_URL (started by test/e2e/harness.ts), and read-only looks at its SQLite file.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect } from "vitest";
import { emptyReader } from "./cards";

export const BASE_URL = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000";

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    // headful on the harness's Xvfb display, like the terminal (see harness.ts startDisplay)
    headless: process.env.E2E_HEADFUL !== "1",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      "--disable-quic",
      "--kiosk-printing",
    ],
  });
}

export type Kiosk = { context: BrowserContext; page: Page; problems: string[] };

/**
 * A fresh browser profile on the start screen of the kiosk at `baseUrl`; page errors and console
 * errors are kept.
 */
export async function openKiosk(browser: Browser, baseUrl: string = BASE_URL): Promise<Kiosk> {
  const context = await browser.newContext({
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
    viewport: { width: 1600, height: 1000 },
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console.error: ${m.text()}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 500) problems.push(`HTTP ${r.status()} ${r.url()}`);
  });
  await emptyReader(context, baseUrl);
  await page.goto(baseUrl);
  await kioskReady(page);
  return { context, page, problems };
}

/**
 * The kiosk page's actor runs (it comes after hydration, issue 13 item 1): what a test taps is
 * acted on at once, not kept for it. Pages without a kiosk (closed, unavailable) are ready as loaded.
 */
export async function kioskReady(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[data-actor="loading"]'));
}

/** No uncaught error, console.error or 5xx happened in the page (house rule). */
export function expectNoProblems(kiosk: Kiosk): void {
  expect(kiosk.problems).toEqual([]);
}

export { cardSeen, insertCard, removeCard } from "./cards";

export function db(): Database.Database {
  const url = process.env.DATABASE_URL!;
  return new Database(url.slice("file:".length), { readonly: true, fileMustExist: true });
}

export function queryAll<T>(sql: string, ...params: unknown[]): T[] {
  const conn = db();
  try {
    return conn.prepare(sql).all(...params) as T[];
  } finally {
    conn.close();
  }
}

/** The receipt as the kiosk's print button gets it (same cookies), read back with pdftotext. */
export async function receiptText(context: BrowserContext, number: string): Promise<string> {
  const response = await context.request.get(`${BASE_URL}/receipts/${number}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-receipt-"));
  const file = path.join(dir, "receipt.pdf");
  fs.writeFileSync(file, await response.body());
  try {
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
