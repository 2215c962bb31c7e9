// The kiosk's English (issue 11 item 7), gettext-style: the Japanese the screens and the server
// already say is the key, so the manual's wording stays the source, a server message needs no
// code to travel, and a missing entry falls back to the Japanese instead of a blank.
//
// The English catalog is a chunk of its own, loaded when a visit first switches to English (issue 13
// item 1: it was 19 KB of the kiosk's first-load JavaScript, and most visits are in Japanese). The
// switch waits for it (AccessControls); should English be asked for before it has arrived, the
// text falls back to the Japanese until it has.
import type { Lang } from "@/machines";

type English = typeof import("./en");
let english: English | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

/** Fetches the English catalog once; resolves when translate() can answer in English. */
export function loadEnglish(): Promise<void> {
  loading ??= import("./en").then(
    (catalog) => {
      english = catalog;
      for (const listener of listeners) listener();
    },
    (error: unknown) => {
      // a failed fetch is tried again at the next English text
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** For useSyncExternalStore: whether the catalog is here, and a call when it arrives. */
export const englishLoaded = (): boolean => english !== null;
export function onEnglishLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The text in the kiosk's language. Exact entries first; then the patterns, for messages that
 * carry a value (a date, a count, a name) inside the sentence.
 */
export function translate(lang: Lang, ja: string): string {
  if (lang === "ja") return ja;
  if (!english) {
    loadEnglish().catch(() => undefined);
    return ja;
  }
  const { EN_MESSAGES, EN_PATTERNS } = english;
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
