// Timing helpers for the benchmarks: medians, not means, so a GC pause does not move the result.
import { performance } from "node:perf_hooks";

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of nothing");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function timeMs(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

export type Pair = { ours: number[]; baseline: number[] };

/** Runs both sides once per run, alternating which goes first so neither always gets a warm cache. */
export async function runPairs(
  runs: number,
  ours: (run: number) => Promise<unknown>,
  baseline: (run: number) => Promise<unknown>,
): Promise<Pair> {
  const pair: Pair = { ours: [], baseline: [] };
  for (let run = 0; run < runs; run++) {
    if (run % 2 === 0) {
      pair.ours.push(await timeMs(() => ours(run)));
      pair.baseline.push(await timeMs(() => baseline(run)));
    } else {
      pair.baseline.push(await timeMs(() => baseline(run)));
      pair.ours.push(await timeMs(() => ours(run)));
    }
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
