// `npm run kiosk:launch`: the terminal's browser. Debian Chromium full-screen on the kiosk page
// (KIOSK_URL, default http://127.0.0.1:3000/), --kiosk-printing so 印刷 prints silently to the
// terminal's default printer, a fresh profile per start, autofill and password saving off by
// policy; started once the kiosk server answers and restarted whenever it exits. SIGINT/SIGTERM
// stop it. See docs/terminal-setup.md.
import fs from "node:fs";
import { launchSettings } from "./launch/chromium";
import { installPolicy, superviseChromium, waitForKiosk } from "./launch/supervisor";

const log = (line: string) => process.stdout.write(`[kiosk:launch] ${line}\n`);

async function main(): Promise<number> {
  let settings;
  try {
    settings = launchSettings(process.env);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  try {
    fs.accessSync(settings.chromiumPath, fs.constants.X_OK);
  } catch {
    process.stderr.write(
      `Chromium not found at ${settings.chromiumPath}: apt-get install chromium, or set CHROMIUM_PATH.\n`,
    );
    return 1;
  }
  const controller = new AbortController();
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.on(sig, () => {
      log(`${sig}: stopping Chromium`);
      controller.abort();
    });
  }
  installPolicy(settings, log);
  if (!(await waitForKiosk(settings.kioskUrl, controller.signal, log))) return 0;
  await superviseChromium({
    chromiumPath: settings.chromiumPath,
    url: settings.kioskUrl,
    signal: controller.signal,
    log,
  });
  return 0;
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`kiosk:launch failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  })
  .then((code) => {
    process.exitCode = code;
  });
