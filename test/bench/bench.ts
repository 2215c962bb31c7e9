// The benchmarks proper; started by run.ts (see there for why). Options via env: BENCH_RUNS
// (≥ 20, default 25), BENCH_LOOKUPS (per run, default 2000), BENCH_ROWS (default 1000000),
// BENCH_REBUILD=1 to rebuild the cached lookup database.
import "./allow-server-only";
import "./pg-as-commonjs";
import os from "node:os";
import { benchLookup, buildLookupDatabase } from "./lookup-bench";
import { benchReceipt } from "./receipt-bench";
import { printTable } from "./stats";
import { receiptFixture } from "@/test/fixtures/receipt-data";

function intFromEnv(name: string, fallback: number, min: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}`);
  return value;
}

const verdict = (ok: boolean) => (ok ? "ok" : "OVER GOAL");
const ms = (value: number) => `${value.toFixed(2)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  const runs = intFromEnv("BENCH_RUNS", 25, 20);
  const lookups = intFromEnv("BENCH_LOOKUPS", 2000, 100);
  const rows = intFromEnv("BENCH_ROWS", 1_000_000, 1000);

  console.log(
    `NODE_ENV=${process.env.NODE_ENV ?? ""}, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(2)}\n`,
  );
  console.log(`(a) receipt PDF: renderReceiptPdf vs plain pdfkit 0.20.1, same rows and font, ${runs} runs\n`);
  const receipt = await benchReceipt(receiptFixture, runs);
  printTable(
    ["measure", "react-pdf (ours)", "pdfkit", "ratio", "goal", "result"],
    [
      [
        "median render",
        ms(receipt.oursMs),
        ms(receipt.pdfkitMs),
        `${receipt.ratio.toFixed(2)}×`,
        "≤ 1.5×",
        verdict(receipt.ratio <= 1.5),
      ],
      [
        "PDF size",
        kb(receipt.oursBytes),
        kb(receipt.pdfkitBytes),
        "",
        "≤ 60 KB",
        verdict(receipt.oursBytes <= 60 * 1024),
      ],
    ],
  );

  console.log(`\n(b) qualification lookup by userId + kind in ${rows.toLocaleString("en")} rows`);
  const { file, builtMs } = buildLookupDatabase(rows, process.env.BENCH_REBUILD === "1");
  console.log(
    builtMs === null ? `    reusing ${file}` : `    built ${file} in ${(builtMs / 1000).toFixed(1)} s`,
  );
  console.log(`    ${runs} runs × ${lookups} random lookups\n`);
  const lookup = await benchLookup(file, rows, runs, lookups);
  printTable(
    ["median per lookup", "Prisma", "better-sqlite3", "ratio", "goal", "result"],
    [
      [
        "findUnique({ userId_kind })",
        `${lookup.prismaUs.toFixed(1)} µs`,
        `${lookup.rawUs.toFixed(1)} µs`,
        `${lookup.ratio.toFixed(2)}×`,
        "≤ 2×",
        verdict(lookup.ratio <= 2),
      ],
      [
        "for reference: $queryRaw, same SQL",
        `${lookup.queryRaw.prismaUs.toFixed(1)} µs`,
        `${lookup.queryRaw.rawUs.toFixed(1)} µs`,
        `${lookup.queryRaw.ratio.toFixed(2)}×`,
        "",
        "",
      ],
    ],
  );
  console.log("\nratio = median over runs of (ours / baseline), both measured back to back in each run");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
