// (g) Issue 13 item 1: the kiosk page's first-load JavaScript, gzip bytes (budget 150 KB), as a
// terminal meets it after the nightly reboot: `next start` on the worktree's .next build (made
// when there is none) against a migrated, seeded SQLite terminal; GET / and every script it loads
// (test/support/first-load-js.ts, the same count as the budget test). The staff console's pages
// are reported beside it. `npm run bench` starts it as a process of its own (run.ts).
import "./allow-server-only";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { chromium } from "playwright-core";
import { generateDemoPki } from "@/kiosk/pki/demo-pki";
import { applyMigrations } from "@/test/support/db";
import {
  describeFirstLoad,
  KIOSK_FIRST_LOAD_BUDGET,
  measureFirstLoad,
  type FirstLoad,
} from "@/test/support/first-load-js";
import { staffCookie } from "@/test/support/staff-signin";
import { ensureBuild, openTerminal, seedBench, startKiosk, terminalEnv } from "./server-step/terminal";
import { printTable } from "./stats";

const root = path.resolve(__dirname, "../..");
const DIR = path.join(root, "test-results/bench-first-load");
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  console.log("\n(g) first-load JavaScript of the kiosk page (gzip, zlib default level), next start\n");
  console.log(`    the kiosk as built in .next/ at ${ensureBuild()}`);
  fs.rmSync(DIR, { recursive: true, force: true });
  const pki = await generateDemoPki({ dir: path.join(DIR, "pki") });
  const file = path.join(DIR, "kiosk.db");
  applyMigrations(file);
  const env = terminalEnv(pki, DIR, `file:${file}`);
  await seedBench(env.DATABASE_URL!, 0);
  openTerminal(env);
  const kiosk = await startKiosk(env, path.join(DIR, "next-start.log"));
  try {
    const loads: FirstLoad[] = [
      await measureFirstLoad(kiosk.baseUrl, "/"),
      await measureFirstLoad(kiosk.baseUrl, "/staff/signin"),
      await measureFirstLoad(kiosk.baseUrl, "/staff", await staffCookie(kiosk.baseUrl)),
    ];
    for (const load of loads) console.log(describeFirstLoad(load, 8) + "\n");
    const [page] = loads;
    printTable(
      ["page", "scripts", "raw", "gzip", "goal", "result"],
      loads.map((load) => {
        const kioskPage = load === page;
        const ok = load.gzip <= KIOSK_FIRST_LOAD_BUDGET;
        return [
          load.page,
          String(load.scripts.length),
          kb(load.raw),
          kb(load.gzip),
          kioskPage ? `≤ ${kb(KIOSK_FIRST_LOAD_BUDGET)}` : "(reported)",
          kioskPage ? (ok ? "ok" : "OVER GOAL") : "",
        ];
      }),
    );
    await untilActorRuns(kiosk.baseUrl, page!);
  } finally {
    kiosk.stop();
  }
}

/**
 * What the first load leaves for later (docs/decisions/008): Chromium opens the page and every
 * script it fetches until the kiosk actor runs is counted, the same gzip way. The bytes after
 * hydration are the actor's; they no longer hold back hydration or screen 1's taps.
 */
async function untilActorRuns(baseUrl: string, firstLoad: FirstLoad): Promise<void> {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  try {
    const page = await browser.newPage();
    const scripts = new Map<string, number>();
    page.on("response", async (response) => {
      if (response.request().resourceType() !== "script") return;
      const body = await response.body().catch(() => null);
      if (body) scripts.set(new URL(response.url()).pathname, zlib.gzipSync(body).length);
    });
    const started = Date.now();
    await page.goto(baseUrl);
    await page.locator('[data-actor="running"]').waitFor({ state: "attached" });
    const runningMs = Date.now() - started;
    // a response's body may still be on its way when the attribute flips
    await page.waitForLoadState("networkidle");
    const total = [...scripts.values()].reduce((n, b) => n + b, 0);
    const first = new Set(firstLoad.scripts.map((s) => new URL(s.url, baseUrl).pathname));
    const later = [...scripts].filter(([url]) => !first.has(url));
    console.log(
      `\n    until the kiosk actor runs (Chromium, one cold load): ${kb(total)} gzip in ${scripts.size} scripts — ` +
        `the first load's ${kb(firstLoad.gzip)} + ${kb(total - firstLoad.gzip)} fetched after hydration; ` +
        `actor running ${runningMs} ms after navigation`,
    );
    for (const [url, bytes] of later)
      console.log(`      after hydration: ${kb(bytes).padStart(9)} gz  ${url}`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
