// One benchmark terminal: a database (SQLite file or PostgreSQL database) migrated and seeded with
// the demo data plus bench bidders, opened for walk-ins through the real terminal:open CLI, and the
// two servers the step is measured on — `next start` (the kiosk as built) and the bare node:http
// baseline (raw-server.ts) — each a process group of its own so nothing outlives the bench.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import type { GeneratedPki } from "@/kiosk/pki/demo-pki";
import { createPrismaClient } from "@/prisma/client";
import { seedDemoData } from "@/prisma/seed";
import { BENCH_BIDDER, benchUserId } from "./bench-cards";

const root = path.resolve(__dirname, "../../..");
const nextBin = path.join(root, "node_modules/next/dist/bin/next");

export const TERMINAL_ID = "BENCH-01";

/** The terminal's settings, as the e2e harness gives them: simulated reader, the demo PKI's CAs. */
const BENCH_AUDIT_KEY = randomBytes(32).toString("hex");

export function terminalEnv(pki: GeneratedPki, dir: string, databaseUrl: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    TERMINAL_ID,
    CARD_DRIVER: "simulated",
    KIOSK_PKI_DIR: pki.dir,
    KIOSK_SIMCARD_STATE: path.join(dir, "simcard-state.json"),
    TRUSTED_CA_FILES: pki.cas
      .map((ca) => ca.trustAnchorPath)
      .filter((p): p is string => !!p)
      .join(","),
    INTERMEDIATE_CA_FILES: pki.validation.intermediateCaFiles.join(","),
    CRL_SOURCES: pki.validation.crlFiles.join(","),
    // required on PostgreSQL (issue 12 item 4); the SQLite side could keep a key file, one key is simpler
    AUDIT_KEY: BENCH_AUDIT_KEY,
  };
}

/** Bench bidders: one qualification per registration, all at 埼玉県 + さいたま市 + 川越市 like 1000000001. */
export async function seedBench(url: string, bidders: number): Promise<void> {
  const prisma = createPrismaClient(url);
  try {
    await seedDemoData(prisma);
    const agencies = await prisma.agency.findMany({
      where: { code: { in: ["110000", "111007", "112011"] } },
    });
    // the kiosk's own hash parameters (the seed's): both sides of the search verify the same hash
    const passwordHash = await hash(BENCH_BIDDER.password);
    const changed = new Date(Date.now() - 30 * 86_400_000);
    for (let from = 0; from < bidders; from += 500) {
      const ids = Array.from({ length: Math.min(500, bidders - from) }, (_, i) => benchUserId(from + i));
      await prisma.qualification.createMany({
        data: ids.map((userId) => ({
          userId,
          kind: "construction",
          officialName: BENCH_BIDDER.officialName,
          passwordHash,
          passwordChangedAt: changed,
          status: "approved",
          companyName: BENCH_BIDDER.officialName,
          postalCode: "330-0063",
          address: "埼玉県さいたま市浦和区高砂3-15-1",
          representativeName: BENCH_BIDDER.holder,
          representativeTitle: "代表取締役",
          phone: "048-000-0000",
          fax: "048-000-0001",
        })),
      });
      const made = await prisma.qualification.findMany({
        where: { userId: { in: ids } },
        select: { id: true },
      });
      await prisma.qualificationAgency.createMany({
        data: made.flatMap((q) => agencies.map((a) => ({ qualificationId: q.id, agencyId: a.id }))),
      });
    }
  } finally {
    await prisma.$disconnect();
  }
}

/** Staff open the terminal as for the browser tests: the real CLI, with a reason (any hour). */
export function openTerminal(env: Record<string, string>): void {
  const run = spawnSync(
    path.join(root, "node_modules/.bin/tsx"),
    [
      path.join(root, "app/_server/cli/terminal-open.ts"),
      "--staff",
      "staff01",
      "--reason",
      "ベンチマーク（npm run bench）",
    ],
    { cwd: root, env: { ...process.env, ...env }, encoding: "utf8" },
  );
  if (run.status !== 0) throw new Error(`terminal:open failed (${run.status}): ${run.stderr}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export type Server = { baseUrl: string; pid: number; stop: () => void };

async function waitFor(url: string, child: ChildProcess, log: string, ms = 90_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}); see ${log}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no answer at ${url} within ${ms / 1000} s; see ${log}`);
}

function serve(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  log: string,
  probe: string,
): Promise<Server> {
  fs.mkdirSync(path.dirname(log), { recursive: true });
  const out = fs.openSync(log, "w");
  const child = spawn(cmd, args, { cwd: root, env, stdio: ["ignore", out, out], detached: true });
  fs.closeSync(out);
  const stop = () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  };
  return waitFor(probe, child, log).then(
    () => ({ baseUrl: new URL(probe).origin, pid: child.pid!, stop }),
    (error: unknown) => {
      stop();
      throw error;
    },
  );
}

/**
 * The build `next start` serves: made with `next build` when there is none (a fresh clone); an
 * existing one is reused as it is — its time is printed, so a stale build shows.
 */
export function ensureBuild(): string {
  const buildId = path.join(root, ".next/BUILD_ID");
  if (!fs.existsSync(buildId)) {
    console.log("    no .next build: running next build");
    const run = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit" });
    if (run.status !== 0) throw new Error(`next build failed (exit ${run.status ?? run.signal})`);
  }
  return fs.statSync(buildId).mtime.toISOString();
}

/** `next start` on the project's build, as the e2e harness runs it (no nightly timer). */
export async function startKiosk(env: Record<string, string>, log: string): Promise<Server> {
  const port = await freePort();
  return serve(
    process.execPath,
    [nextBin, "start", "-H", "127.0.0.1", "-p", String(port)],
    { ...process.env, ...env, NODE_ENV: "production", BATCH_SCHEDULE: "off", PORT: String(port) },
    log,
    `http://127.0.0.1:${port}/api/card`,
  );
}

/** The bare node:http baseline (raw-server.ts) on the same database. */
export async function startRaw(env: Record<string, string>, log: string): Promise<Server> {
  const port = await freePort();
  return serve(
    process.execPath,
    [...process.execArgv, path.join(__dirname, "raw-server.ts")],
    { ...process.env, ...env, NODE_ENV: "production", RAW_PORT: String(port) },
    log,
    `http://127.0.0.1:${port}/health`,
  );
}
