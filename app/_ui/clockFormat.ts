// The manual's clock format (e.g. 2014年08月18日 15時45分), always in Japan time: the kiosk's
// OS clock may be set to UTC. In English the same moment reads "18 August 2014 15:45".
import { ENGLISH_MONTHS } from "@/app/_shared/english-date";
import { tokyoParts } from "@/app/_shared/tokyo-time";
import type { Lang } from "@/machines";
import { msgid, translate } from "./i18n/translate";

const FORMAT = msgid("{year}年{month}月{day}日 {hour}時{minute}分");

export function formatKioskClock(date: Date, lang: Lang = "ja"): string {
  const p = tokyoParts(date);
  const values: Record<string, string> = {
    ...p,
    // the English names the month and drops the zero before the day
    ...(lang === "en"
      ? { day: String(Number(p.day)), month: ENGLISH_MONTHS[Number(p.month) - 1] ?? p.month }
      : {}),
  };
  return translate(lang, FORMAT).replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? "");
}
