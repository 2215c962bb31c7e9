// (h) Tapping 印刷: from the request to the last byte of the receipt PDF at the client, through
// `next start` (the worktree's .next build), against a static file of the same size served by the
// same server under /_next/static/. The request is the one app/_ui/printReceipt.ts makes —
// GET /receipts/<受付番号> with the visit's cookie, read to the end — made here by Node's fetch,
// not Chromium. The visits and their receipts are written to the database directly (the receipt
// fixture under new numbers): the request path measured does not depend on how they got there.
// Two cases, BENCH_PRINT_ROUNDS (default 30, ≥ 20) requests each, alternating with the static file:
//   - prepared: the receipt was rendered ahead, once its submit had answered (flows/pipeline.ts →
//     receipts/prepare.ts); here one untimed request stands in for that, then the tap is timed;
//   - not prepared: the first request for a receipt, rendered in the request (what a tap costs
//     when the render has not finished, or for an English visit's first print), for reference;
//   - the floor: a receipt URL the route refuses before any lookup (404 for a number too long),
//     for reference — what the proxy and the app route cost before any receipt work.
// Started by run.ts as a process of its own.
import "./allow-server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { ReceiptData } from "@/app/_shared/contracts";
import { generateDemoPki } from "@/kiosk/pki/demo-pki";
import { createPrismaClient } from "@/prisma/client";
import { createReceiptRow } from "@/test/fixtures/receipt-rows";
import { receiptFixture } from "@/test/fixtures/receipt-data";
import { applyMigrations } from "@/test/support/db";
import { ensureBuild, startKiosk, TERMINAL_ID, terminalEnv } from "./server-step/terminal";
import { percentile, printTable } from "./stats";

const root = path.resolve(__dirname, "../..");
const DIR = path.join(root, "test-results/bench-print");
// Inside the build the server serves; removed when the bench ends.
const STATIC_DIR = path.join(root, ".next/static/bench-print");

type Visit = { sessionId: string; number: string };

function intFromEnv(name: string, fallback: number, min: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}`);
  return value;
}

/** `count` visits, each with a receipt of its own (the fixture's data under a new number). */
async function seedVisits(url: string, count: number): Promise<Visit[]> {
  const prisma = createPrismaClient(url);
  try {
    const first = await createReceiptRow(prisma, { ...receiptFixture, terminalId: TERMINAL_ID });
    const template = await prisma.receipt.findUniqueOrThrow({ where: { id: first.receiptId } });
    const visits: Visit[] = [];
    for (let i = 0; i < count; i++) {
      const number = `20261126-${String(i + 1).padStart(4, "0")}`;
      const data: ReceiptData = { ...receiptFixture, number, terminalId: TERMINAL_ID };
      const receipt = await prisma.receipt.create({
        data: {
          number,
          operation: template.operation,
          cardRegistrationId: template.cardRegistrationId,
          agencyId: template.agencyId,
          kind: template.kind,
          terminalId: TERMINAL_ID,
          data: data as unknown as object,
        },
      });
      const sessionId = randomBytes(32).toString("hex");
      await prisma.kioskSession.create({
        data: {
          id: sessionId,
          terminalId: TERMINAL_ID,
          agencyId: template.agencyId,
          kind: template.kind,
          expiresAt: new Date(Date.now() + 3_600_000),
          receiptId: receipt.id,
        },
      });
      visits.push({ sessionId, number });
    }
    return visits;
  } finally {
    await prisma.$disconnect();
  }
}

/** One request read to its last byte, as the print step's fetch + blob(); milliseconds. */
async function timedGet(
  url: string,
  cookie?: string,
  expected = 200,
): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  const response = await fetch(url, {
    cache: "no-store",
    headers: cookie ? { Cookie: `kiosk_session=${cookie}` } : {},
  });
  const body = await response.arrayBuffer();
  const ms = performance.now() - start;
  if (response.status !== expected)
    throw new Error(`${url}: ${response.status} ${Buffer.from(body).toString().slice(0, 200)}`);
  return { ms, bytes: body.byteLength };
}

type Side = { ms: number[]; bytes: number };

async function measure(
  baseUrl: string,
  visits: Visit[],
  staticUrl: string,
  prepare: boolean,
): Promise<{ ours: Side; file: Side }> {
  const ours: Side = { ms: [], bytes: 0 };
  const file: Side = { ms: [], bytes: 0 };
  for (const [i, visit] of visits.entries()) {
    const receiptUrl = `${baseUrl}/receipts/${visit.number}`;
    if (prepare) await timedGet(receiptUrl, visit.sessionId);
    // alternate which goes first, so neither always follows the other
    const pair =
      i % 2 === 0
        ? [await timedGet(receiptUrl, visit.sessionId), await timedGet(staticUrl)]
        : [await timedGet(staticUrl), await timedGet(receiptUrl, visit.sessionId)].reverse();
    ours.ms.push(pair[0]!.ms);
    ours.bytes = pair[0]!.bytes;
    file.ms.push(pair[1]!.ms);
    file.bytes = pair[1]!.bytes;
  }
  return { ours, file };
}

/** The floor: a 404 the route answers before any lookup, alternating with the static file. */
async function measureFloor(
  baseUrl: string,
  staticUrl: string,
  rounds: number,
): Promise<{ ours: Side; file: Side }> {
  const refusedUrl = `${baseUrl}/receipts/${"9".repeat(80)}`;
  const ours: Side = { ms: [], bytes: 0 };
  const file: Side = { ms: [], bytes: 0 };
  for (let i = 0; i < rounds; i++) {
    const refused = () => timedGet(refusedUrl, undefined, 404);
    const pair =
      i % 2 === 0
        ? [await refused(), await timedGet(staticUrl)]
        : [await timedGet(staticUrl), await refused()].reverse();
    ours.ms.push(pair[0]!.ms);
    ours.bytes = pair[0]!.bytes;
    file.ms.push(pair[1]!.ms);
    file.bytes = pair[1]!.bytes;
  }
  return { ours, file };
}

async function firstReceipt(env: Record<string, string>, visit: Visit): Promise<Buffer> {
  const kiosk = await startKiosk(env, path.join(DIR, "next-start-size.log"));
  try {
    const response = await fetch(`${kiosk.baseUrl}/receipts/${visit.number}`, {
      headers: { Cookie: `kiosk_session=${visit.sessionId}` },
    });
    const pdf = Buffer.from(await response.arrayBuffer());
    if (!response.ok || pdf.subarray(0, 5).toString() !== "%PDF-") {
      throw new Error(`no receipt PDF: ${response.status}`);
    }
    return pdf;
  } finally {
    kiosk.stop();
  }
}

async function main(): Promise<void> {
  const rounds = intFromEnv("BENCH_PRINT_ROUNDS", 30, 20);
  console.log(
    "\n(h) tapping 印刷: GET /receipts/<受付番号> with the visit's cookie vs. a static file of the same size",
  );
  console.log(`    through next start, the kiosk as built in .next/ at ${ensureBuild()}`);
  fs.rmSync(DIR, { recursive: true, force: true });
  const pki = await generateDemoPki({ dir: path.join(DIR, "pki") });
  const file = path.join(DIR, "kiosk.db");
  fs.mkdirSync(DIR, { recursive: true });
  applyMigrations(file);
  const env = terminalEnv(pki, DIR, `file:${file}`);
  // warm-up visits, then one set per case: every timed tap is a visit and receipt of its own
  const visits = await seedVisits(env.DATABASE_URL!, 5 + 2 * rounds);
  // next start serves only the static files there when it started: a first start renders the
  // receipt to learn its size, the second serves the file of that size next to it
  const pdf = await firstReceipt(env, visits[0]!);
  fs.mkdirSync(STATIC_DIR, { recursive: true });
  fs.writeFileSync(path.join(STATIC_DIR, "receipt.pdf"), pdf);
  let kiosk: Awaited<ReturnType<typeof startKiosk>> | undefined;
  try {
    kiosk = await startKiosk(env, path.join(DIR, "next-start.log"));
    const warm = visits.slice(1, 5);
    const staticUrl = `${kiosk.baseUrl}/_next/static/bench-print/receipt.pdf`;
    await measure(kiosk.baseUrl, warm, staticUrl, false);

    const prepared = await measure(kiosk.baseUrl, visits.slice(5, 5 + rounds), staticUrl, true);
    const cold = await measure(kiosk.baseUrl, visits.slice(5 + rounds), staticUrl, false);
    const floor = await measureFloor(kiosk.baseUrl, staticUrl, rounds);
    // receipts differ in their number only: a few bytes of font subset apart at most
    if (Math.abs(prepared.file.bytes - prepared.ours.bytes) > prepared.file.bytes * 0.02) {
      throw new Error(`sizes differ: receipt ${prepared.ours.bytes} B, static file ${prepared.file.bytes} B`);
    }
    report(rounds, [
      ["prepared at commit", prepared],
      ["not prepared (render in the request)", cold],
      ["floor: a 404 answered before any lookup", floor],
    ]);
  } finally {
    kiosk?.stop();
    fs.rmSync(STATIC_DIR, { recursive: true, force: true });
  }
}

function report(rounds: number, cases: [string, { ours: Side; file: Side }][]): void {
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const rows = cases.map(([name, { ours, file }], i) => {
    const p50 = percentile(ours.ms, 50) / percentile(file.ms, 50);
    const p95 = percentile(ours.ms, 95) / percentile(file.ms, 95);
    return [
      name,
      ms(percentile(ours.ms, 50)),
      ms(percentile(ours.ms, 95)),
      ms(percentile(file.ms, 50)),
      ms(percentile(file.ms, 95)),
      `${p50.toFixed(2)}×`,
      `${p95.toFixed(2)}×`,
      i === 0 ? "≤ 2×" : "",
      i === 0 ? (Math.max(p50, p95) <= 2 ? "ok" : "OVER GOAL") : "",
    ];
  });
  printTable(
    [
      "tap 印刷",
      "receipt p50",
      "receipt p95",
      "static p50",
      "static p95",
      "p50 ratio",
      "p95 ratio",
      "goal",
      "result",
    ],
    rows,
  );
  console.log(
    `\n${rounds} taps per case, each a visit and receipt of its own, one at a time (one terminal), alternating with ` +
      `the static file (${(cases[0]![1].file.bytes / 1024).toFixed(1)} KB, the receipt's size); time from the request ` +
      "to the last byte at the client (Node's fetch with the visit's cookie, not Chromium); goal on p50 and p95",
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
