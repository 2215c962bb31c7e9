// Waits until the servers of a bench have gone quiet: their CPU time (Linux /proc/<pid>/stat)
// hardly grows over a few samples in a row. Work a server does after answering — the kiosk
// renders the receipts of a wave of registers once the wave is over (receipts/prepare.ts) — would
// otherwise land in the other side's timed wave on a 2-core machine, slowing the side that does
// none of it.
import fs from "node:fs";

const SAMPLE_MS = 100;
const QUIET_SAMPLES = 3;
/** CPU time per sample still counted as quiet: a tick of 10 ms, timers and the like */
const QUIET_TICKS = 1;
const LONGEST_MS = 30_000;

/** utime + stime of the process in clock ticks, or null where there is no /proc. */
function cpuTicks(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // the fields after the command name, which may hold spaces, in parentheses
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/** Resolves once every process in `pids` was quiet for QUIET_SAMPLES samples (at most 30 s). */
export async function untilQuiet(pids: readonly number[]): Promise<void> {
  const until = Date.now() + LONGEST_MS;
  let last = pids.map(cpuTicks);
  if (last.some((t) => t === null)) return;
  let quiet = 0;
  while (quiet < QUIET_SAMPLES) {
    if (Date.now() > until) {
      console.log(`    (servers still busy after ${LONGEST_MS / 1000} s; measuring anyway)`);
      return;
    }
    await new Promise((r) => setTimeout(r, SAMPLE_MS));
    const now = pids.map(cpuTicks);
    const busiest = Math.max(...now.map((t, i) => (t ?? 0) - (last[i] ?? 0)));
    quiet = busiest <= QUIET_TICKS ? quiet + 1 : 0;
    last = now;
  }
}
