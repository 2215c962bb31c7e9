// Timing helpers for the benchmarks: medians, not means, so a GC pause does not move the result;
// percentiles for latencies under load.
import { performance } from "node:perf_hooks";

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of nothing");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The p-th percentile (0–100) by nearest rank: p95 of 200 samples is the 190th smallest. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error("percentile of nothing");
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export async function timeMs(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

export type Pair = { ours: number[]; baseline: number[] };

/** Runs both sides once, the baseline first on odd runs, so neither always gets a warm cache. */
export async function runPair(
  run: number,
  ours: (run: number) => Promise<unknown>,
  baseline: (run: number) => Promise<unknown>,
): Promise<{ ours: number; baseline: number }> {
  if (run % 2 === 0) {
    const o = await timeMs(() => ours(run));
    return { ours: o, baseline: await timeMs(() => baseline(run)) };
  }
  const b = await timeMs(() => baseline(run));
  return { ours: await timeMs(() => ours(run)), baseline: b };
}

/** runPair for runs 0 … runs − 1. */
export async function runPairs(
  runs: number,
  ours: (run: number) => Promise<unknown>,
  baseline: (run: number) => Promise<unknown>,
): Promise<Pair> {
  const pair: Pair = { ours: [], baseline: [] };
  for (let run = 0; run < runs; run++) {
    const one = await runPair(run, ours, baseline);
    pair.ours.push(one.ours);
    pair.baseline.push(one.baseline);
  }
  return pair;
}

/** Median of the per-run ratios: each run's two sides ran back to back in the same process. */
export function medianRatio(pair: Pair): number {
  return median(pair.ours.map((ms, i) => ms / pair.baseline[i]!));
}

export function printTable(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ""))));
  const line = (cells: readonly string[]) => cells.map((c, i) => pad(c, widths[i]!)).join(" | ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("-+-"));
  for (const row of rows) console.log(line(row));
}

// East Asian wide characters take two columns in a terminal.
function width(text: string): number {
  let w = 0;
  for (const char of text) w += /[\u3000-\u9fff\uff00-\uffef]/.test(char) ? 2 : 1;
  return w;
}

function pad(text: string, to: number): string {
  return text + " ".repeat(Math.max(0, to - width(text)));
}
