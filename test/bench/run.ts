// Benchmarks (not tests): `npm run bench` prints median timings and ratios against a plain baseline
// measured in the same process (bench.ts).
//
// Why a relaunch: the package has no "type": "module", so tsx runs our .ts files as CommonJS and
// compiles @react-pdf's ESM-only packages to CommonJS on require; their exports maps only list
// "import", which require() cannot resolve. Adding the "import" condition lets it. The flag must
// be on the node command line, so this process starts the real one with it.
import { spawnSync } from "node:child_process";
import path from "node:path";

const CONDITION = "--conditions=import";

if (process.execArgv.includes(CONDITION)) {
  void import("./bench");
} else {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, CONDITION, path.join(__dirname, "run.ts")],
    {
      stdio: "inherit",
      // Measured as the kiosk runs (next start): React's development checks are not part of the cost.
      env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? "production" },
    },
  );
  // The PIN-step benchmark loads @peculiar/x509, which breaks under the "import" condition above
  // (tslib's ESM wrapper under CommonJS), so it runs as a process of its own.
  const pkcs11 = spawnSync(process.execPath, [...process.execArgv, path.join(__dirname, "pkcs11-bench.ts")], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? "production" },
  });
  // (e) the kiosk server step under load: next start and a node:http baseline as servers of their
  // own; the card proof it prepares visits with loads @peculiar/x509 too (see above).
  const serverStep = spawnSync(
    process.execPath,
    [...process.execArgv, path.join(__dirname, "server-step-bench.ts")],
    { stdio: "inherit", env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? "production" } },
  );
  // (h) tapping 印刷 through next start against a static file of the same size; a server of its own.
  const print = spawnSync(process.execPath, [...process.execArgv, path.join(__dirname, "print-bench.ts")], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? "production" },
  });
  // The nightly propagation benchmark builds its own 100,000-registration fixtures (SQLite file,
  // PostgreSQL template database).
  const propagation = spawnSync(
    process.execPath,
    [...process.execArgv, path.join(__dirname, "propagation-bench.ts")],
    { stdio: "inherit", env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? "production" } },
  );
  // (g) the kiosk page's first-load JavaScript through next start (the same .next build as (e)).
  const firstLoad = spawnSync(
    process.execPath,
    [...process.execArgv, path.join(__dirname, "first-load-bench.ts")],
    { stdio: "inherit", env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? "production" } },
  );
  // (i) card in → PIN keypad and card out → flow ended in Chromium, simulated reader and SoftHSM2:
  // next start and a browser of its own, and the demo PKI loads @peculiar/x509 (see above).
  const card = spawnSync(process.execPath, [...process.execArgv, path.join(__dirname, "card-bench.ts")], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? "production" },
  });
  process.exitCode =
    (child.status ?? 1) ||
    (pkcs11.status ?? 1) ||
    (serverStep.status ?? 1) ||
    (print.status ?? 1) ||
    (propagation.status ?? 1) ||
    (firstLoad.status ?? 1) ||
    (card.status ?? 1);
}
