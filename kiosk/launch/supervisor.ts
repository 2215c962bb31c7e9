// Keeps Chromium on the kiosk page: starts it on a fresh profile, restarts it whenever it exits
// (backoff 1 s → 30 s, reset after a stable minute), and stops it cleanly when asked.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  chromiumArgs,
  kioskPolicy,
  nextBackoff,
  POLICY_FILE,
  profilePreferences,
  type LaunchSettings,
} from "./chromium";

export type Log = (line: string) => void;

export type SupervisorOptions = {
  chromiumPath: string;
  url: string;
  signal: AbortSignal;
  log: Log;
  limits?: { min: number; max: number; stable: number };
  /** after SIGTERM, how long Chromium gets before SIGKILL */
  killGraceMs?: number;
  env?: NodeJS.ProcessEnv;
};

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

/** One Chromium run: resolves when it has exited (or could not be started). */
function runOnce(opts: SupervisorOptions, profileDir: string): Promise<string> {
  return new Promise((resolve) => {
    // its own process group: a stop reaches Chromium's helper processes too
    const child = spawn(opts.chromiumPath, chromiumArgs({ profileDir, url: opts.url }), {
      stdio: ["ignore", "inherit", "inherit"],
      detached: true,
      env: opts.env ?? process.env,
    });
    let killTimer: NodeJS.Timeout | undefined;
    const signalGroup = (sig: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, sig);
      } catch {
        // already gone
      }
    };
    const stop = () => {
      signalGroup("SIGTERM");
      killTimer = setTimeout(() => signalGroup("SIGKILL"), opts.killGraceMs ?? 5_000);
    };
    const finish = (how: string) => {
      clearTimeout(killTimer);
      opts.signal.removeEventListener("abort", stop);
      resolve(how);
    };
    child.once("error", (error) => finish(`could not start: ${error.message}`));
    child.once("exit", (code, sig) => finish(sig ? `signal ${sig}` : `exit code ${code}`));
    opts.signal.addEventListener("abort", stop, { once: true });
  });
}

export async function superviseChromium(opts: SupervisorOptions): Promise<{ starts: number }> {
  let backoff: number | null = null;
  let starts = 0;
  while (!opts.signal.aborted) {
    const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-chromium-"));
    let ran = 0;
    let how = "";
    try {
      fs.mkdirSync(path.join(profileDir, "Default"));
      fs.writeFileSync(
        path.join(profileDir, "Default", "Preferences"),
        JSON.stringify(profilePreferences(opts.url)),
      );
      const started = Date.now();
      starts++;
      opts.log(`Chromium start ${starts}: ${opts.url}`);
      how = await runOnce(opts, profileDir);
      ran = Date.now() - started;
    } finally {
      fs.rmSync(profileDir, { recursive: true, force: true });
    }
    if (opts.signal.aborted) break;
    backoff = nextBackoff(backoff, ran, opts.limits);
    opts.log(`Chromium ended (${how}) after ${(ran / 1000).toFixed(1)} s; restarting in ${backoff / 1000} s`);
    await sleep(backoff, opts.signal);
  }
  opts.log("Chromium stopped.");
  return { starts };
}

/** Waits until the kiosk server answers (any status below 500), or until stopped. */
export async function waitForKiosk(
  url: string,
  signal: AbortSignal,
  log: Log,
  intervalMs = 1_000,
): Promise<boolean> {
  let told = false;
  while (!signal.aborted) {
    try {
      const res = await fetch(url, {
        redirect: "manual",
        signal: AbortSignal.any([signal, AbortSignal.timeout(5_000)]),
      });
      if (res.status < 500) return true;
    } catch {
      // not listening yet
    }
    if (!told) {
      log(`Waiting for the kiosk server at ${url} …`);
      told = true;
    }
    await sleep(intervalMs, signal);
  }
  return false;
}

/**
 * Autofill and password saving off by policy: installed under /etc/chromium/policies/managed when
 * running as root; otherwise the file is written to a temp folder and the command to install it
 * is printed (the fresh profile's Preferences say the same meanwhile).
 */
export function installPolicy(settings: LaunchSettings, log: Log, isRoot = process.getuid?.() === 0): string {
  const content = `${JSON.stringify(kioskPolicy(), null, 2)}\n`;
  const target = path.join(settings.policyDir, POLICY_FILE);
  if (isRoot) {
    fs.mkdirSync(settings.policyDir, { recursive: true });
    if (!fs.existsSync(target) || fs.readFileSync(target, "utf8") !== content) {
      fs.writeFileSync(target, content, { mode: 0o644 });
      log(`Chromium policy written: ${target}`);
    }
    return target;
  }
  const staged = path.join(os.tmpdir(), `kiosk-chromium-policy-${process.getuid?.() ?? "user"}.json`);
  fs.writeFileSync(staged, content);
  log(
    `Not root: the Chromium policy (autofill and password saving off) is not installed. Install it once with\n` +
      `  sudo install -D -m 644 ${staged} ${target}\n` +
      `Until then the same settings are applied through each fresh profile's Preferences.`,
  );
  return staged;
}
