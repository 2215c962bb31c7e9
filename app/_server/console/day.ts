import "server-only";
import { tokyoDay } from "@/app/_server/time";

export type DayRange = { day: string; start: Date; end: Date };

/** The Asia/Tokyo calendar day `day` (YYYY-MM-DD) as [start, end) instants; Japan keeps no DST. */
export function tokyoDayRange(day: string): DayRange {
  const start = new Date(`${day}T00:00:00+09:00`);
  return { day, start, end: new Date(start.getTime() + 24 * 60 * 60 * 1000) };
}

/** The Tokyo day `now` falls in. */
export function tokyoToday(now: Date = new Date()): DayRange {
  return tokyoDayRange(tokyoDay(now));
}

/** A real calendar date written YYYY-MM-DD, or null. */
export function parseDay(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? value : null;
}
