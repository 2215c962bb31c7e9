// The manual's clock format (e.g. 2014年08月18日 15時45分), always in Japan time: the kiosk's
// OS clock may be set to UTC.
import { tokyoParts } from "@/app/_shared/tokyo-time";

export function formatKioskClock(date: Date): string {
  const p = tokyoParts(date);
  return `${p.year}年${p.month}月${p.day}日 ${p.hour}時${p.minute}分`;
}
