"use client";
import { useCallback, useContext, useEffect, useSyncExternalStore } from "react";
import type { Lang } from "@/machines";
import { KioskContext } from "../kioskActor";
import { LocalAccessContext } from "../useLocalAccess";
import { englishLoaded, loadEnglish, onEnglishLoaded, translate } from "./translate";

/**
 * The visit's language (reset to Japanese when the visit ends, like the other access modes).
 * Where no kiosk actor is around, the page's own choice (the closed, no-reader and unavailable
 * pages: StandaloneShell), else Japanese (screens rendered alone in tests). Whether a provider is
 * there never changes for a mounted component, so the hooks run in the same order on every render.
 */
export function useLang(): Lang {
  const page = useContext(LocalAccessContext);
  try {
    return KioskContext.useSelector((s) => s.context.access.lang);
  } catch {
    return page?.lang ?? "ja";
  }
}

/**
 * `t("日本語")` on every kiosk screen: the text itself in Japanese, its English entry in English.
 * Server messages go through the same function at the screen that shows them.
 */
export function useT(): (ja: string) => string {
  const lang = useLang();
  // the English catalog comes in when English is first chosen: render again once it is here
  const loaded = useSyncExternalStore(onEnglishLoaded, englishLoaded, () => false);
  useEffect(() => {
    if (lang === "en") loadEnglish().catch(() => undefined);
  }, [lang]);
  // `loaded` is a dependency: it changes what translate() answers
  return useCallback((ja: string) => translate(lang, ja), [lang, loaded]);
}
