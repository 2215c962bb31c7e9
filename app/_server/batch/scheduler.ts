import "server-only";
import { config } from "../config";
import { runNightlyBatch, type BatchResult } from "./propagation";

// The nightly run inside the server process (instrumentation.ts starts it with the server): every
// terminal's server schedules it at BATCH_TIME (Asia/Tokyo); the runKey lock lets one of them run
// and the others answer "already running", or "done tonight" once it has finished.

const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000; // Japan has no daylight saving time
const DAY_MS = 24 * 60 * 60 * 1000;

/** "02:00" → minutes after midnight; throws on anything but HH:MM (00:00–23:59). */
export function parseBatchTime(value: string): number {
  const match = /^([01][0-9]|2[0-3]):([0-5][0-9])$/.exec(value);
  if (!match) throw new Error(`BATCH_TIME must be HH:MM (00:00-23:59), got "${value}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The first instant strictly after `now` whose Asia/Tokyo wall clock reads `time` (HH:MM). */
export function nextRunAt(now: Date, time: string): Date {
  const minutes = parseBatchTime(time);
  // Tokyo's calendar day of `now`, as a UTC midnight shifted back by the offset
  const tokyo = now.getTime() + TOKYO_OFFSET_MS;
  const tokyoMidnight = Math.floor(tokyo / DAY_MS) * DAY_MS - TOKYO_OFFSET_MS;
  let at = tokyoMidnight + minutes * 60_000;
  if (at <= now.getTime()) at += DAY_MS;
  return new Date(at);
}

/** The next scheduled run as configured, or null when BATCH_SCHEDULE=off. */
export function nextScheduledRun(now: Date = new Date()): Date | null {
  const settings = config();
  return settings.BATCH_SCHEDULE === "off" ? null : nextRunAt(now, settings.BATCH_TIME);
}

type SchedulerState = { timer: ReturnType<typeof setTimeout> | null; next: Date | null };

const holder = globalThis as unknown as { kioskBatchScheduler?: SchedulerState };

export type SchedulerDeps = {
  clock?: () => Date;
  run?: () => Promise<BatchResult>;
  setTimer?: (fn: () => void, ms: number) => ReturnType<typeof setTimeout>;
};

/**
 * Starts the nightly schedule once per process (a flag on globalThis survives Next's module
 * reloads). Never throws: a failed run is recorded in BatchRun and warned about, then the next
 * night is scheduled.
 */
export function ensureBatchScheduler(deps: SchedulerDeps = {}): Date | null {
  if (holder.kioskBatchScheduler) return holder.kioskBatchScheduler.next;
  const state: SchedulerState = { timer: null, next: null };
  holder.kioskBatchScheduler = state;
  const clock = deps.clock ?? (() => new Date());
  const run = deps.run ?? (() => runNightlyBatch({ trigger: "schedule" }));
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));

  const schedule = () => {
    try {
      state.next = nextScheduledRun(clock());
    } catch (error) {
      console.warn(`[batch] schedule not started: ${(error as Error).message}`);
      state.next = null;
    }
    if (!state.next) return;
    const delay = Math.max(1000, state.next.getTime() - clock().getTime());
    state.timer = setTimer(() => void fire(), delay);
    (state.timer as { unref?: () => void }).unref?.();
  };

  // one line per night in the server's log (deliberate, hence console.log)
  // eslint-disable-next-line no-console
  const log = (line: string) => console.log(line);

  const fire = async () => {
    try {
      const result = await run();
      if (result.ok) {
        const agencies = result.perAgency.map((a) => `${a.name} ${a.applied}`).join(", ");
        log(
          `[batch] nightly propagation: ${result.applied} applied${agencies ? ` (${agencies})` : ""}, ${result.reminders} renewal reminders queued in ${result.seconds.toFixed(1)} s`,
        );
      } else if (result.code === "alreadyRunning") {
        log("[batch] nightly propagation: already running elsewhere");
      } else if (result.code === "doneTonight") {
        log("[batch] nightly propagation: already done tonight by another server");
      } else {
        console.warn(`[batch] nightly propagation failed: ${result.message}`);
      }
    } catch (error) {
      console.warn(`[batch] nightly propagation failed: ${(error as Error).message}`);
    }
    schedule();
  };

  schedule();
  return state.next;
}

/** Tests: forget the schedule of this process. */
export function stopBatchSchedulerForTests(): void {
  const state = holder.kioskBatchScheduler;
  if (state?.timer) clearTimeout(state.timer);
  delete holder.kioskBatchScheduler;
}
