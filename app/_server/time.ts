// The helpdesk runs on Japan time whatever the server's TZ is.
import { tokyoParts } from "@/app/_shared/tokyo-time";

/** 2026-11-26 for the Tokyo calendar day of `date`. */
export function tokyoDay(date: Date): string {
  const p = tokyoParts(date);
  return `${p.year}-${p.month}-${p.day}`;
}

export function isSameTokyoDay(a: Date, b: Date): boolean {
  return tokyoDay(a) === tokyoDay(b);
}

/**
 * Tokyo calendar days from `from`'s day to `to`'s day: 0 on the same day, 1 for tomorrow,
 * negative before. A card expiring tonight is "0 days left" all day, whatever the hour.
 */
export function tokyoDaysBetween(from: Date, to: Date): number {
  const utcMidnight = (d: Date) => {
    const p = tokyoParts(d);
    return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day));
  };
  return Math.round((utcMidnight(to) - utcMidnight(from)) / 86_400_000);
}
