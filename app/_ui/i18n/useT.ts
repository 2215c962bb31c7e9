"use client";
import { useCallback } from "react";
import type { Lang } from "@/machines";
import { KioskContext } from "../kioskActor";
import { translate } from "./translate";

/** The visit's language (reset to Japanese when the visit ends, like the other access modes). */
export function useLang(): Lang {
  // A screen drawn outside the kiosk's provider (a static render, an error page) is Japanese. The
  // provider's hook throws before any hook of its own when there is none, and a component never
  // moves in or out of a provider, so the hooks' order stays the same on every render.
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
