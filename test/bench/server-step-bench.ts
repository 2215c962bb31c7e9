// (e) One kiosk server step under load, on SQLite and on PostgreSQL side by side: the search
// action and the register action through `next start` over HTTP (the worktree's .next build) with
// BENCH_CLIENTS (default 20) concurrent simulated terminals, against a bare node:http server doing
// the same statements with the raw driver (server-step/raw-server.ts). p50 and p95 per step; goal:
// p95 ≤ 3× the baseline's. BENCH_SERVER_ROUNDS (default 10, ≥ 2) requests per terminal per side
// after one warm-up wave. How the visits reach each step before the clock starts:
// server-step/sessions.ts. `npm run bench` starts it as a process of its own (run.ts): the card
// proof loads @peculiar/x509, which the "import" condition breaks.
import "./allow-server-only";
import fs from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@/prisma/client";
import { generateDemoPki, type GeneratedPki } from "@/kiosk/pki/demo-pki";
import { applyMigrations } from "@/test/support/db";
import { startBenchPostgres, stopOnSignal } from "./bench-postgres";
import { issueBenchCards } from "./server-step/bench-cards";
import { KioskHttp } from "./server-step/kiosk-http";
import { untilQuiet } from "./server-step/idle";
import { measureStep, type Sample, type Visit } from "./server-step/load";
import {
  DEMO_CARD,
  matchedWithServices,
  startVisit,
  prepareMany,
  provenOverHttp,
  searchInput,
} from "./server-step/sessions";
import {
  ensureBuild,
  openTerminal,
  seedBench,
  startKiosk,
  startRaw,
  terminalEnv,
} from "./server-step/terminal";
import { percentile, printTable } from "./stats";

const root = path.resolve(__dirname, "../..");
const DIR = path.join(root, "test-results/bench-server-step");
const PREPARE_WIDTH = 4;

function intFromEnv(name: string, fallback: number, min: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}`);
  return value;
}

const contact = (contactName: string, email: string) => ({
  contactName,
  postalCode: "330-0063",
  address: "埼玉県さいたま市浦和区高砂3-15-1",
  personName: "ベンチ 太郎",
  phone: "048-000-0000",
  fax: "",
  email,
  emailConfirm: email,
});
const REGISTRATION_FORM = {
  representative: contact("総務課", "soumu@bench.example.jp"),
  department: contact("工事課", "koji@bench.example.jp"),
  holderMismatchAcknowledged: false,
};

type StepResult = { step: string; engine: string; ours: Sample; raw: Sample };

async function benchEngine(
  engine: string,
  databaseUrl: string,
  pki: GeneratedPki,
  opts: { clients: number; rounds: number },
): Promise<StepResult[]> {
  const perSide = opts.clients * (opts.rounds + 1);
  const dir = path.join(DIR, engine.split(" ")[0]!.toLowerCase());
  fs.mkdirSync(dir, { recursive: true });
  const env = terminalEnv(pki, dir, databaseUrl);
  // the card proof's services run in this process too, on the same database and settings
  Object.assign(process.env, env);
  const holder = globalThis as unknown as { kioskPrisma?: PrismaClient };
  await seedBench(databaseUrl, 4 * perSide);
  openTerminal(env);
  const cards = await issueBenchCards(pki.dir, 2 * perSide);
  const kiosk = await startKiosk(env, path.join(dir, "next-start.log"));
  const raw = await startRaw(env, path.join(dir, "raw-server.log"));
  try {
    const http = new KioskHttp(kiosk.baseUrl);
    const prepared = Date.now();
    // started with the reader empty, proven once the card is in (see startVisit)
    const started = await prepareMany(4 * perSide, PREPARE_WIDTH, () => startVisit(http));
    await http.insertCard(DEMO_CARD.label);
    const searchVisits = await prepareMany(2 * perSide, PREPARE_WIDTH, async (i) => ({
      sessionId: await provenOverHttp(http, started[i]!),
      input: searchInput(i),
    }));
    const insertionId = await http.insertionId();
    const registerVisits = await prepareMany(2 * perSide, PREPARE_WIDTH, async (i) => ({
      sessionId: await matchedWithServices(
        http,
        cards[i]!,
        insertionId,
        2 * perSide + i,
        started[2 * perSide + i]!,
      ),
      input: REGISTRATION_FORM,
    }));
    console.log(
      `    ${engine}: ${4 * perSide} visits prepared in ${((Date.now() - prepared) / 1000).toFixed(1)} s`,
    );

    const rawSend = (route: string) => async (visit: Visit) => {
      const response = await fetch(`${raw.baseUrl}${route}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Cookie: `kiosk_session=${visit.sessionId}` },
        body: JSON.stringify(visit.input),
      });
      return (await response.json()) as { ok?: boolean; code?: string };
    };
    const halves = (visits: Visit[]) => [visits.slice(0, perSide), visits.slice(perSide)] as const;
    const settle = () => untilQuiet([kiosk.pid, raw.pid]);
    const [searchOurs, searchRaw] = halves(searchVisits);
    const [registerOurs, registerRaw] = halves(registerVisits);
    const search = await measureStep(
      opts.clients,
      {
        visits: searchOurs,
        send: async (v) => (await http.call("searchQualification", v.input, v.sessionId)).answer,
      },
      { visits: searchRaw, send: rawSend("/search") },
      settle,
    );
    const register = await measureStep(
      opts.clients,
      { visits: registerOurs, send: async (v) => (await http.call("register", v.input, v.sessionId)).answer },
      { visits: registerRaw, send: rawSend("/register") },
      settle,
    );
    return [
      { step: "search", engine, ...search },
      { step: "register", engine, ...register },
    ];
  } finally {
    kiosk.stop();
    raw.stop();
    await holder.kioskPrisma?.$disconnect();
    delete holder.kioskPrisma;
  }
}

function report(results: StepResult[], clients: number, rounds: number): void {
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const rows = results.map(({ step, engine, ours, raw }) => {
    const ratio = percentile(ours.ms, 95) / percentile(raw.ms, 95);
    return [
      step,
      engine,
      ms(percentile(ours.ms, 50)),
      ms(percentile(ours.ms, 95)),
      ms(percentile(raw.ms, 50)),
      ms(percentile(raw.ms, 95)),
      `${(percentile(ours.ms, 50) / percentile(raw.ms, 50)).toFixed(2)}×`,
      `${ratio.toFixed(2)}×`,
      "≤ 3×",
      ratio <= 3 ? "ok" : "OVER GOAL",
    ];
  });
  printTable(
    [
      "step",
      "engine",
      "next p50",
      "next p95",
      "raw p50",
      "raw p95",
      "p50 ratio",
      "p95 ratio",
      "goal",
      "result",
    ],
    rows,
  );
  console.log(
    `\n${clients} concurrent terminals × ${rounds} requests per side and step (after a warm-up wave of ${clients}), ` +
      "latency at the client; every request a visit of its own, every registration its own card and user ID",
  );
  for (const { step, engine, ours, raw } of results) {
    const bad = (s: Sample) =>
      Object.entries(s.notOk)
        .map(([code, n]) => `${n}× ${code}`)
        .join(", ");
    if (bad(ours) || bad(raw)) {
      console.log(
        `  ${step} on ${engine}: answers not ok — next: ${bad(ours) || "none"}; raw: ${bad(raw) || "none"}` +
          " (counted in the percentiles: a refused request is still an answer the terminal waited for)",
      );
      // the kiosk answers a generic message; the baseline names the database's error
      for (const [code, message] of Object.entries(raw.examples)) console.log(`    raw ${code}: ${message}`);
    }
  }
  console.log(
    "visits reached each step before the clock started: search visits were started and card-proven over HTTP " +
      `(startSession, 仮想カードリーダー 挿入 ${DEMO_CARD.label}, proveCard); register visits were started over HTTP, ` +
      "their bench cards proven through the server's own services in the bench process (issueNonce → card " +
      "signature → verifyCardProof → recordProvenCard, bound to the reader's current insertion: one reader cannot " +
      "hold 20 terminals' cards), then matched by the search action over HTTP",
  );
  console.log(
    "baseline: node:http + pg Pool (10, as the pg adapter) / one better-sqlite3 connection, the statements of " +
      "Prisma's query log for the step, the same argon2 check and audit hash; register in one transaction",
  );
}

async function main(): Promise<void> {
  const clients = intFromEnv("BENCH_CLIENTS", 20, 1);
  const rounds = intFromEnv("BENCH_SERVER_ROUNDS", 10, 2);
  console.log(
    `\n(e) one kiosk server step through next start over HTTP vs. bare node:http + raw driver, ${clients} terminals\n`,
  );
  console.log(`    the kiosk as built in .next/ at ${ensureBuild()}`);
  fs.rmSync(DIR, { recursive: true, force: true });
  const pki = await generateDemoPki({ dir: path.join(DIR, "pki") });
  const results: StepResult[] = [];

  const file = path.join(DIR, "sqlite", "kiosk.db");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  applyMigrations(file);
  results.push(...(await benchEngine("SQLite", `file:${file}`, pki, { clients, rounds })));

  const pg = await startBenchPostgres("server-step");
  if ("missing" in pg) {
    console.log(`    PostgreSQL skipped: ${pg.missing}`);
  } else {
    const release = stopOnSignal(pg.stop);
    try {
      const url = await pg.migratedDatabase("kiosk_bench");
      results.push(...(await benchEngine(`PostgreSQL ${pg.version}`, url, pki, { clients, rounds })));
    } finally {
      await pg.stop();
      release();
    }
  }
  console.log("");
  report(results, clients, rounds);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
