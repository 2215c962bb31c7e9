// `npm run demo`: a fresh demo terminal — new demo PKI (validity relative to today), the SQLite file
// migrated and seeded with DEMO-DATA.md, the simulated card reader, the email outbox — served at
// http://127.0.0.1:3000. Every run starts from the same state ("no card is registered").
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createPrismaClient } from "../prisma/client";
import { SQLITE_COMPANIONS, secureSqliteFiles } from "../prisma/data-files";
import { seedDemoData } from "../prisma/seed";
import { generateDemoPki } from "./pki/demo-pki";

const root = path.resolve(__dirname, "..");
const dataDir = path.join(root, ".data");
const port = process.env.PORT ?? "3000";
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  DATABASE_URL: process.env.DATABASE_URL ?? "file:./.data/kiosk.db",
  // the demo's opening (by staff01, with a reason) lets walk-ins in for this long outside hours
  OVERRIDE_MINUTES: process.env.OVERRIDE_MINUTES ?? "720",
  CARD_DRIVER: "simulated",
  KIOSK_PKI_DIR: path.join(dataDir, "pki"),
  KIOSK_SIMCARD_STATE: path.join(dataDir, "simcard-state.json"),
  TRUSTED_CA_FILES: [
    path.join(dataDir, "pki/trust/lgpki-demo.pem"),
    path.join(dataDir, "pki/trust/commercial-demo.pem"),
  ].join(","),
};

function step(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (exit ${r.status ?? r.signal})`);
}

/** Rebuilds when any source file is newer than the last build. */
function needsBuild(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  const newer = (dir: string): boolean =>
    fs.readdirSync(dir, { withFileTypes: true }).some((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return !["generated", "node_modules"].includes(e.name) && newer(p);
      return fs.statSync(p).mtimeMs > built;
    });
  return ["app", "machines", "kiosk", "prisma"].some((d) => newer(path.join(root, d)));
}

async function main(): Promise<void> {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const dbFile = path.resolve(root, env.DATABASE_URL!.slice("file:".length));
  for (const f of [dbFile, ...SQLITE_COMPANIONS.map((s) => `${dbFile}${s}`), env.KIOSK_SIMCARD_STATE!]) {
    fs.rmSync(f, { force: true });
  }
  // the server refuses a database others can read (issue 12 item 6): a .data/ from an earlier
  // demo (0755) is tightened here
  fs.chmodSync(dataDir, 0o700);
  secureSqliteFiles(dbFile);

  const pki = await generateDemoPki({ dir: env.KIOSK_PKI_DIR });
  console.log(
    `Demo PKI: ${pki.cas.length} CAs, ${pki.cards.length} cards in ${path.relative(root, pki.dir)}`,
  );
  // validated like a real terminal: the intermediate CA and the LGPKI-like CA's CRL (R18)
  env.INTERMEDIATE_CA_FILES = pki.validation.intermediateCaFiles.join(",");
  env.CRL_SOURCES = pki.validation.crlFiles.join(",");
  step("npx", ["tsx", "prisma/migrate.ts"]);
  const prisma = createPrismaClient(`file:${dbFile}`);
  await seedDemoData(prisma);
  await prisma.$disconnect();
  console.log("Seeded the demo data of DEMO-DATA.md (README: デモデータ).");
  // walk-ins need an opened terminal (issue 5, R23): staff01 opens it with a reason, so the demo
  // works at any hour; it then accepts walk-ins for OVERRIDE_MINUTES (and all day in hours)
  step("npx", [
    "tsx",
    "app/_server/cli/terminal-open.ts",
    "--staff",
    "staff01",
    "--reason",
    "デモ（npm run demo）",
  ]);
  console.log(
    `The terminal was opened for walk-ins as staff01 (reason 「デモ（npm run demo）」, ${env.OVERRIDE_MINUTES} minutes outside hours); ` +
      `staff sign in at /staff/terminal to close or reopen it.`,
  );

  if (needsBuild()) step("npx", ["next", "build"]);
  console.log(
    `\nThe kiosk: http://127.0.0.1:${port}  (simulated card reader)\n` +
      `Staff console: http://127.0.0.1:${port}/staff  (accounts staff01 and admin01: README, Demo data; emails: /staff/outbox)\n`,
  );
  const server = spawn(
    process.execPath,
    [path.join(root, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", port],
    {
      cwd: root,
      env,
      stdio: "inherit",
    },
  );
  const stop = () => server.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
