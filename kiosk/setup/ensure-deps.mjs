// Installs what is missing so the README's two commands work on a fresh clone.
//   node kiosk/setup/ensure-deps.mjs            npm packages (npm ci when the lockfile changed)
//   node kiosk/setup/ensure-deps.mjs --system   also the Debian packages the tests need (as root)
// Node built-ins only: this runs before node_modules exists.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
// chromium + fonts-noto-cjk: browser tests with Japanese text; xvfb: Chromium runs headful in
// them, as on the terminal (headless Chromium crashes printing a PDF); poppler-utils: pdftotext.
// softhsm2 + opensc + libengine-pkcs11-openssl: PKCS#11 test tokens for the card layer's tests.
// postgresql: the server binaries (/usr/lib/postgresql/<version>/bin) for the private cluster each
// test run starts (test/support/postgres.ts); no system service is used.
const SYSTEM_PACKAGES = [
  "chromium",
  "fonts-noto-cjk",
  "xvfb",
  "poppler-utils",
  "softhsm2",
  "opensc",
  "libengine-pkcs11-openssl",
  "postgresql",
];

function run(cmd, args) {
  console.log(`> ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: process.env });
  if (r.status !== 0) {
    console.error(`ensure-deps: "${cmd} ${args.join(" ")}" failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

function ensureNodeModules() {
  const lock = path.join(root, "package-lock.json");
  const stamp = path.join(root, "node_modules", ".kiosk-lock-hash");
  const want = createHash("sha256")
    .update(fs.readFileSync(lock))
    .update(fs.readFileSync(path.join(root, "package.json")))
    .digest("hex");
  const have = fs.existsSync(stamp) ? fs.readFileSync(stamp, "utf8") : "";
  if (have !== want) {
    run("npm", ["ci", "--no-audit", "--no-fund"]);
    fs.writeFileSync(stamp, want);
  } else {
    // both engines' clients (prisma/postgres/schema.prisma is the PostgreSQL twin)
    for (const dir of ["prisma", "prisma/postgres"]) {
      if (!fs.existsSync(path.join(root, dir, "generated", "client.ts"))) {
        run("npx", ["prisma", "generate", "--schema", `${dir}/schema.prisma`]);
      }
    }
  }
}

function missingSystemPackages() {
  return SYSTEM_PACKAGES.filter((name) => {
    try {
      const out = execFileSync("dpkg-query", ["-W", "-f=${Status}", name], {
        stdio: ["ignore", "pipe", "ignore"],
      });
      return !out.toString().includes("install ok installed");
    } catch {
      return true;
    }
  });
}

function ensureSystemPackages() {
  const missing = missingSystemPackages();
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    console.error(`ensure-deps: missing Debian packages: ${missing.join(" ")}`);
    console.error(`Install them with: sudo apt-get install -y ${missing.join(" ")}`);
    process.exit(1);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  console.log(`> apt-get install ${missing.join(" ")}`);
  for (const args of [
    ["update", "-qq"],
    ["install", "-y", "-qq", ...missing],
  ]) {
    const r = spawnSync("apt-get", args, { stdio: "inherit", env });
    if (r.status !== 0) {
      console.error(`ensure-deps: apt-get ${args[0]} failed`);
      process.exit(1);
    }
  }
}

ensureNodeModules();
if (process.argv.includes("--system")) ensureSystemPackages();
