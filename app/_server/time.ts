// The helpdesk runs on Japan time whatever the server's TZ is.
const ymd = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** 2026-11-26 for the Tokyo calendar day of `date`. */
export function tokyoDay(date: Date): string {
  return ymd.format(date);
}

export function isSameTokyoDay(a: Date, b: Date): boolean {
  return tokyoDay(a) === tokyoDay(b);
}
