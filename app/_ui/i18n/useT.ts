"use client";
import { useCallback } from "react";
import type { Lang } from "@/machines";
import { KioskContext } from "../kioskActor";
import { translate } from "./translate";

/**
 * The visit's language (reset to Japanese when the visit ends, like the other access modes).
 * Japanese where no kiosk actor is around: the closed and unavailable pages are rendered before
 * any visit, and screens are rendered alone in tests. Whether a provider is there never changes
 * for a mounted component, so the hooks run in the same order on every render.
 */
export function useLang(): Lang {
  try {
    return KioskContext.useSelector((s) => s.context.access.lang);
  } catch {
    return "ja";
  }
}

/**
 * `t("日本語")` on every kiosk screen: the text itself in Japanese, its English entry in English.
 * Server messages go through the same function at the screen that shows them.
 */
export function useT(): (ja: string) => string {
  const lang = useLang();
  return useCallback((ja: string) => translate(lang, ja), [lang]);
}
