// The manual's clock format (e.g. 2014年08月18日 15時45分), always in Japan time: the kiosk's
// OS clock may be set to UTC.
const parts = new Intl.DateTimeFormat("ja-JP", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

export function formatKioskClock(date: Date): string {
  const p: Record<string, string> = {};
  for (const part of parts.formatToParts(date)) p[part.type] = part.value;
  return `${p.year}年${p.month}月${p.day}日 ${p.hour}時${p.minute}分`;
}
