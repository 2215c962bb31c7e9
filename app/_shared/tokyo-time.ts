// Japan time for every screen, printout and log line: the helpdesk and the kiosk read Asia/Tokyo
// whatever zone the server or the kiosk's OS clock is set to. One formatter, so the kiosk clock,
// the console and the server's messages cannot drift apart. Plain Intl: client and server.
const fields = new Intl.DateTimeFormat("ja-JP", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** The Tokyo wall clock of `date`, zero-padded: year "2026", month "11", … second "00". */
export interface TokyoParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

export function tokyoParts(date: Date): TokyoParts {
  const p: Record<string, string> = {};
  for (const part of fields.formatToParts(date)) p[part.type] = part.value;
  return {
    year: p.year ?? "",
    month: p.month ?? "",
    day: p.day ?? "",
    hour: p.hour ?? "",
    minute: p.minute ?? "",
    second: p.second ?? "",
  };
}

/** 2026/11/26 */
export function tokyoDate(date: Date): string {
  const p = tokyoParts(date);
  return `${p.year}/${p.month}/${p.day}`;
}

/** 2026年11月6日: a date in a sentence, as the manual writes it (no zero padding). */
export function tokyoDateKanji(date: Date): string {
  const p = tokyoParts(date);
  return `${p.year}年${Number(p.month)}月${Number(p.day)}日`;
}

/** 15:45:00 */
export function tokyoTime(date: Date): string {
  const p = tokyoParts(date);
  return `${p.hour}:${p.minute}:${p.second}`;
}

/** 2026/11/26 15:45 */
export function tokyoDateTimeMinutes(date: Date): string {
  const p = tokyoParts(date);
  return `${p.year}/${p.month}/${p.day} ${p.hour}:${p.minute}`;
}

/** 2026/11/26 15:45:00 */
export function tokyoDateTimeSeconds(date: Date): string {
  const p = tokyoParts(date);
  return `${p.year}/${p.month}/${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** 2026-11-26 15:45:00, for log lines and CLI output. */
export function tokyoTimestamp(date: Date): string {
  const p = tokyoParts(date);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}
