// Dates in English (the kiosk's English mode and the English receipt): "6 December 2026" where
// the Japanese says 2026年12月6日. Pure: the screens and the server use it alike.
import { tokyoParts } from "./tokyo-time";

export const ENGLISH_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "6 December 2026": the English for 2026年12月6日 (and 2026/12/06), in Japan time. */
export function englishDate(date: Date): string {
  const p = tokyoParts(date);
  return englishDay(p.year, p.month, p.day);
}

/** The English for a date already written in Japanese (year, month, day as digits). */
export function englishDay(year: string, month: string, day: string): string {
  return `${Number(day)} ${ENGLISH_MONTHS[Number(month) - 1] ?? month} ${year}`;
}
