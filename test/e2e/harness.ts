// End-to-end run: `next build`, a fresh demo terminal (PKI, SQLite file, seed) under
// test-results/e2e-data, `next start` on a free loopback port, then the browser suites in
// Debian Chromium. The server is started as its own process group so nothing outlives the run.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { generateDemoPki } from "@/kiosk/pki/demo-pki";
import { createPrismaClient } from "@/prisma/client";
import { seedDemoData } from "@/prisma/seed";
import { SOFTHSM_LABELS, SOFTHSM_MODULE } from "@/kiosk/pki/softhsm";
import { applyMigrations } from "../support/db";
import { prepareSoftHsmCabinet } from "./cards";
import { openTerminalFor, root, simulatedReaderEnv, startKioskServer } from "./servers";

type RunLogged = (name: string, cmd: string, args: string[], env?: NodeJS.ProcessEnv) => Promise<number>;

/**
 * Chromium runs headful on a virtual display, as on the terminal: headless Chromium crashes the
 * page when a PDF frame is printed, so only a real window exercises 印刷 honestly.
 */
async function startDisplay(): Promise<{ display: string; stop: () => void }> {
  for (let n = 90 + Math.floor(Math.random() * 100); n < 400; n++) {
    if (fs.existsSync(`/tmp/.X11-unix/X${n}`) || fs.existsSync(`/tmp/.X${n}-lock`)) continue;
    const xvfb = spawn("Xvfb", [`:${n}`, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"], {
      stdio: "ignore",
      detached: true,
    });
    const until = Date.now() + 10_000;
    while (Date.now() < until && !fs.existsSync(`/tmp/.X11-unix/X${n}`))
      await new Promise((r) => setTimeout(r, 100));
    if (fs.existsSync(`/tmp/.X11-unix/X${n}`)) {
      return { display: `:${n}`, stop: () => void (xvfb.pid && process.kill(-xvfb.pid, "SIGTERM")) };
    }
    xvfb.kill();
  }
  throw new Error("could not start Xvfb for the browser tests (is the xvfb package installed?)");
}

export async function prepareTerminal(dir: string): Promise<Record<string, string>> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const pki = await generateDemoPki({ dir: path.join(dir, "pki") });
  const dbFile = path.join(dir, "kiosk.db");
  applyMigrations(dbFile);
  const prisma = createPrismaClient(`file:${dbFile}`);
  await seedDemoData(prisma);
  await prisma.$disconnect();
  openTerminalFor({ DATABASE_URL: `file:${dbFile}`, TERMINAL_ID: "E2E-01" });
  return {
    DATABASE_URL: `file:${dbFile}`,
    ...simulatedReaderEnv(pki, path.join(dir, "simcard-state.json")),
    TERMINAL_ID: "E2E-01",
    // long enough that a slow, loaded machine never times out a flow between two test steps
    KIOSK_IDLE_SECONDS: "30",
    KIOSK_IDLE_WARNING_SECONDS: "5",
  };
}

/** One `next start` for one terminal, one vitest run against it (report test-results/<name>.json). */
async function serveAndTest(
  runLogged: RunLogged,
  name: string,
  terminal: Record<string, string>,
  files: string[] = [],
): Promise<number> {
  const server = await startKioskServer(terminal, path.join(root, `test-results/${name}-server.log`));
  let display: Awaited<ReturnType<typeof startDisplay>> | undefined;
  try {
    display = await startDisplay();
    const vitest = path.join(root, "node_modules/.bin/vitest");
    const args = ["run", "--config", "test/e2e/vitest.config.mts", "--reporter=default", "--reporter=json"];
    return await runLogged(name, vitest, [...args, `--outputFile.json=test-results/${name}.json`, ...files], {
      ...process.env,
      ...terminal,
      E2E_BASE_URL: server.baseUrl,
      DISPLAY: display.display,
      E2E_HEADFUL: "1",
    });
  } finally {
    display?.stop();
    server.stop();
  }
}

/**
 * The browser suites: every e2e file with the simulated reader, then the three flows again with the
 * PKCS#11 driver against SoftHSM2 tokens (cards moved in and out of the live token folder, see
 * cards.ts) — both drivers pass the same flow tests. `E2E_FILES=test/e2e/a.e2e.ts,…` runs only the
 * files named (for working on one suite; `npm test` leaves it unset and runs them all).
 */
export async function runE2e(runLogged: RunLogged): Promise<number> {
  const nextBin = path.join(root, "node_modules/next/dist/bin/next");
  if ((await runLogged("build", process.execPath, [nextBin, "build"])) !== 0) return 1;

  const simulated = await prepareTerminal(path.join(root, "test-results/e2e-data"));
  const only = process.env.E2E_FILES?.split(",")
    .map((f) => f.trim())
    .filter(Boolean);
  const first = await serveAndTest(runLogged, "e2e", simulated, only);

  const flows = ["test/e2e/registration.e2e.ts", "test/e2e/change-renewal.e2e.ts"].filter(
    (f) => !only || only.includes(f),
  );
  if (flows.length === 0) {
    // the runner counts a missing report as a failure: say plainly that nothing ran
    console.log(`\n=== e2e-pkcs11: skipped (E2E_FILES names none of its flows)`);
    fs.writeFileSync(
      path.join(root, "test-results/e2e-pkcs11.json"),
      JSON.stringify({ numPassedTests: 0, numFailedTests: 0 }),
    );
    return first;
  }

  const dataDir = path.join(root, "test-results/e2e-pkcs11-data");
  const terminal = await prepareTerminal(dataDir);
  const softhsm = prepareSoftHsmCabinet(
    terminal.KIOSK_PKI_DIR!,
    path.join(dataDir, "softhsm"),
    SOFTHSM_LABELS,
  );
  const pkcs11 = {
    ...terminal,
    CARD_DRIVER: "pkcs11",
    PKCS11_MODULE: SOFTHSM_MODULE,
    PKCS11_RESCAN: "reinitialize",
    SOFTHSM2_CONF: softhsm.conf,
    E2E_CARD_DRIVER: "pkcs11",
    E2E_SOFTHSM_CABINET: softhsm.cabinet,
    E2E_SOFTHSM_LIVE: softhsm.live,
  };
  const second = await serveAndTest(runLogged, "e2e-pkcs11", pkcs11, flows);
  return first || second;
}
