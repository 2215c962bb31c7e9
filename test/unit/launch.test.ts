// npm run kiosk:launch without a real browser: the command line, policy and profile settings are
// pure; the restart loop and the stop run a fake "chromium" shell script (CHROMIUM_PATH) that
// records each start.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  chromiumArgs,
  kioskPolicy,
  launchSettings,
  nextBackoff,
  profilePreferences,
} from "@/kiosk/launch/chromium";
import { installPolicy, superviseChromium } from "@/kiosk/launch/supervisor";

const root = path.resolve(__dirname, "../..");
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "launch-test-"));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A fake chromium: records its pid, whether the profile had Preferences, and its arguments. */
function fakeChromium(dir: string, tail = "exit 0"): { bin: string; record: string } {
  const bin = path.join(dir, "chromium");
  const record = path.join(dir, "starts.log");
  fs.writeFileSync(
    bin,
    `#!/bin/sh
prefs=no
for a in "$@"; do
  case "$a" in --user-data-dir=*) [ -f "\${a#--user-data-dir=}/Default/Preferences" ] && prefs=yes ;; esac
done
echo "$$ prefs=$prefs $*" >> "${record}"
${tail}
`,
    { mode: 0o755 },
  );
  return { bin, record };
}

const starts = (record: string): string[] =>
  fs.existsSync(record) ? fs.readFileSync(record, "utf8").trim().split("\n").filter(Boolean) : [];

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("Chromium's command line, policy and profile", () => {
  it("starts full-screen with silent printing on a fresh profile, no swipe navigation, pinch zoom allowed", () => {
    const args = chromiumArgs({ profileDir: "/tmp/p1", url: "http://127.0.0.1:3000/" });
    expect(args).toEqual(
      expect.arrayContaining([
        "--kiosk",
        "--kiosk-printing",
        "--user-data-dir=/tmp/p1",
        "--no-first-run",
        "--overscroll-history-navigation=0",
        "--disable-features=TranslateUI",
        "--password-store=basic",
      ]),
    );
    expect(args).not.toContain("--disable-pinch");
    expect(args.at(-1)).toBe("http://127.0.0.1:3000/");
  });

  it("reads CHROMIUM_PATH and KIOSK_URL with Debian's defaults, and names a bad URL", () => {
    expect(launchSettings({})).toEqual({
      chromiumPath: "/usr/bin/chromium",
      kioskUrl: "http://127.0.0.1:3000/",
      policyDir: "/etc/chromium/policies/managed",
    });
    expect(launchSettings({ CHROMIUM_PATH: "/opt/c", KIOSK_URL: "http://10.0.0.5:3000" })).toMatchObject({
      chromiumPath: "/opt/c",
      kioskUrl: "http://10.0.0.5:3000/",
    });
    expect(() => launchSettings({ KIOSK_URL: "kiosk" })).toThrow(/KIOSK_URL: "kiosk"/);
    expect(() => launchSettings({ KIOSK_URL: "file:///etc/passwd" })).toThrow(/KIOSK_URL/);
  });

  it("turns autofill, password saving and translation off by policy and in the profile", () => {
    expect(kioskPolicy()).toMatchObject({
      PasswordManagerEnabled: false,
      AutofillAddressEnabled: false,
      AutofillCreditCardEnabled: false,
      TranslateEnabled: false,
    });
    expect(profilePreferences("http://127.0.0.1:3000/")).toMatchObject({
      credentials_enable_service: false,
      autofill: { enabled: false, profile_enabled: false, credit_card_enabled: false },
      profile: { password_manager_enabled: false },
    });
  });

  it("backs off 1 s → 30 s while Chromium keeps exiting, and resets after a stable minute", () => {
    const waits: number[] = [];
    let wait: number | null = null;
    for (let i = 0; i < 7; i++) waits.push((wait = nextBackoff(wait, 500)));
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    expect(nextBackoff(30_000, 60_000)).toBe(1_000);
  });

  it("installs the policy file as root, and only stages it (with the command) otherwise", () => {
    const dir = tempDir();
    const settings = { ...launchSettings({}), policyDir: path.join(dir, "managed") };
    const lines: string[] = [];
    const installed = installPolicy(settings, (l) => lines.push(l), true);
    expect(installed).toBe(path.join(dir, "managed", "kiosk.json"));
    expect(JSON.parse(fs.readFileSync(installed, "utf8"))).toMatchObject({ PasswordManagerEnabled: false });
    const staged = installPolicy(settings, (l) => lines.push(l), false);
    cleanups.push(() => fs.rmSync(staged, { force: true }));
    expect(lines.at(-1)).toContain(`sudo install -D -m 644 ${staged} ${installed}`);
  });
});

describe("the restart loop (fake chromium)", () => {
  it("restarts Chromium each time it exits, with a fresh profile removed after each run", async () => {
    const dir = tempDir();
    const fake = fakeChromium(dir);
    const controller = new AbortController();
    const log: string[] = [];
    const running = superviseChromium({
      chromiumPath: fake.bin,
      url: "http://127.0.0.1:3999/",
      signal: controller.signal,
      log: (l) => log.push(l),
      limits: { min: 20, max: 80, stable: 60_000 },
    });
    await until(() => starts(fake.record).length >= 5);
    controller.abort();
    const result = await running;
    const lines = starts(fake.record);
    expect(result.starts).toBe(lines.length);
    for (const line of lines) {
      expect(line).toContain("prefs=yes");
      expect(line).toContain("--kiosk --kiosk-printing");
      expect(line.trim().endsWith("http://127.0.0.1:3999/")).toBe(true);
    }
    const profiles = lines.map((l) => /--user-data-dir=(\S+)/.exec(l)![1]!);
    expect(new Set(profiles).size).toBe(profiles.length);
    for (const p of profiles) expect(fs.existsSync(p)).toBe(false);
    // the waits double up to the limit
    const waits = log.filter((l) => l.includes("restarting in")).map((l) => /in ([\d.]+) s/.exec(l)![1]);
    expect(waits.slice(0, 4)).toEqual(["0.02", "0.04", "0.08", "0.08"]);
  });

  it("a stop ends the running Chromium and removes its profile", async () => {
    const dir = tempDir();
    const fake = fakeChromium(dir, "exec sleep 30");
    const controller = new AbortController();
    const running = superviseChromium({
      chromiumPath: fake.bin,
      url: "http://127.0.0.1:3999/",
      signal: controller.signal,
      log: () => undefined,
      limits: { min: 20, max: 80, stable: 60_000 },
    });
    await until(() => starts(fake.record).length === 1);
    const [line] = starts(fake.record);
    const pid = Number(line!.split(" ")[0]);
    const profile = /--user-data-dir=(\S+)/.exec(line!)![1]!;
    const stoppedAt = Date.now();
    controller.abort();
    expect(await running).toEqual({ starts: 1 });
    expect(Date.now() - stoppedAt).toBeLessThan(3_000);
    expect(() => process.kill(pid, 0)).toThrow();
    expect(fs.existsSync(profile)).toBe(false);
  });

  it("npm run kiosk:launch waits for the kiosk URL, starts the fake Chromium, and stops on SIGTERM", async () => {
    const dir = tempDir();
    const fake = fakeChromium(dir, "exec sleep 30");
    const server = http.createServer((_req, res) => res.end("kiosk"));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    cleanups.push(() => server.close());
    const { port } = server.address() as { port: number };
    const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["kiosk/launch.ts"], {
      cwd: root,
      env: {
        ...process.env,
        CHROMIUM_PATH: fake.bin,
        KIOSK_URL: `http://127.0.0.1:${port}/`,
        // never the machine's /etc/chromium, even when the tests run as root
        CHROMIUM_POLICY_DIR: path.join(dir, "policies"),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
    await until(() => starts(fake.record).length === 1, 20_000);
    expect(starts(fake.record)[0]).toContain(`--kiosk --kiosk-printing`);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toContain("SIGTERM: stopping Chromium");
    const pid = Number(starts(fake.record)[0]!.split(" ")[0]);
    expect(() => process.kill(pid, 0)).toThrow();
  });
});
