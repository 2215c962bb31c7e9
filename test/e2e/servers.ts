// Kiosk servers for the browser suites: the one `next build` of the run served by `next start`, one
// process per terminal (harness.ts's shared terminal, two-terminals.e2e.ts's two terminals and its
// console), each in its own process group so nothing outlives the run.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import type { GeneratedPki } from "@/kiosk/pki/demo-pki";

export const root = path.resolve(__dirname, "../..");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

async function waitForServer(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the kiosk server did not answer at ${url} within ${ms / 1000}s`);
}

/** The simulated reader's settings for a terminal: the demo cards of `pki`, PIN counters in `stateFile`. */
export function simulatedReaderEnv(pki: GeneratedPki, stateFile: string): Record<string, string> {
  return {
    CARD_DRIVER: "simulated",
    KIOSK_PKI_DIR: pki.dir,
    KIOSK_SIMCARD_STATE: stateFile,
    TRUSTED_CA_FILES: pki.cas
      .map((ca) => ca.trustAnchorPath)
      .filter((p): p is string => !!p)
      .join(","),
    INTERMEDIATE_CA_FILES: pki.validation.intermediateCaFiles.join(","),
    CRL_SOURCES: pki.validation.crlFiles.join(","),
  };
}

/**
 * Staff open the terminal before walk-ins are let in (issue 5, R23): done through the same command
 * a terminal without a browser uses, with a reason so the suites run at any hour.
 */
export function openTerminalFor(env: Record<string, string>): void {
  const tsx = path.join(root, "node_modules/.bin/tsx");
  const cli = path.join(root, "app/_server/cli/terminal-open.ts");
  const run = spawnSync(tsx, [cli, "--staff", "staff01", "--reason", "ブラウザテスト（npm test）"], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`terminal:open failed (${run.status}): ${run.stderr}`);
}

/** `stop` ends the server's process group, with SIGTERM unless another signal is named (the crash test's SIGKILL). */
export type KioskServer = { baseUrl: string; stop: (signal?: NodeJS.Signals) => void };

/**
 * `next start` on a free loopback port with `env` over this process's environment, its output in
 * `logFile` (under test-results/, so the leak scan reads it). Resolves once the kiosk answers.
 */
export async function startKioskServer(env: Record<string, string>, logFile: string): Promise<KioskServer> {
  const nextBin = path.join(root, "node_modules/next/dist/bin/next");
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, "w");
  const server = spawn(process.execPath, [nextBin, "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: root,
    env: { ...process.env, ...env, NODE_ENV: "production", PORT: String(port) },
    stdio: ["ignore", log, log],
    detached: true,
  });
  let stopped = false;
  const stop = (signal: NodeJS.Signals = "SIGTERM") => {
    if (stopped) return;
    stopped = true;
    try {
      process.kill(-server.pid!, signal);
    } catch {
      // already gone
    }
    fs.closeSync(log);
  };
  try {
    await waitForServer(baseUrl, 60_000);
  } catch (error) {
    stop();
    throw error;
  }
  return { baseUrl, stop };
}
