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
