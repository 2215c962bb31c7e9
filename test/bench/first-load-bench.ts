// (g) Issue 13 item 1: the kiosk page's first-load JavaScript, gzip bytes (budget 150 KB), as a
// terminal meets it after the nightly reboot: `next start` on the worktree's .next build (made
// when there is none) against a migrated, seeded SQLite terminal; GET / and every script it loads
// (test/support/first-load-js.ts, the same count as the budget test). The staff console's pages
// are reported beside it. `npm run bench` starts it as a process of its own (run.ts).
import "./allow-server-only";
import fs from "node:fs";
import path from "node:path";
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
  } finally {
    kiosk.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
