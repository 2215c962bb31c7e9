// The kiosk's English (issue 11 item 7), gettext-style: the Japanese the screens and the server
// already say is the key, so the manual's wording stays the source, a server message needs no
// code to travel, and a missing entry falls back to the Japanese instead of a blank.
import type { Lang } from "@/machines";
import { EN_MESSAGES, EN_PATTERNS } from "./en";

/**
 * The text in the kiosk's language. Exact entries first; then the patterns, for messages that
 * carry a value (a date, a count, a name) inside the sentence.
 */
export function translate(lang: Lang, ja: string): string {
  if (lang === "ja") return ja;
  const exact = EN_MESSAGES[ja];
  if (exact !== undefined) return exact;
  for (const [pattern, english] of EN_PATTERNS) {
    const match = pattern.exec(ja);
    if (match) return english(...match.slice(1));
  }
  return ja;
}

/** Whether the English catalog knows this Japanese text (the coverage tests ask). */
export function hasEnglish(ja: string): boolean {
  return translate("en", ja) !== ja;
}

/**
 * Marks Japanese that a screen translates later with t(): lists of labels, texts built in a
 * plain module. It returns its argument; the coverage test finds the text by this call.
 */
export function msgid<T extends string>(ja: T): T {
  return ja;
}
