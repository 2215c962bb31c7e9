"use client";
import { useCallback, useContext, useEffect, useSyncExternalStore } from "react";
import type { Lang } from "@/machines";
import { useInKiosk, useKioskSelector } from "../kioskPort";
import { LocalAccessContext } from "../useLocalAccess";
import { englishLoaded, loadEnglish, onEnglishLoaded, translate } from "./translate";

/**
 * The visit's language (reset to Japanese when the visit ends, like the other access modes).
 * Outside a kiosk page, the page's own choice (the closed, no-reader and unavailable pages:
 * StandaloneShell), else Japanese (screens rendered alone in tests). Before the kiosk actor runs,
 * Japanese: the machine's start.
 */
export function useLang(): Lang {
  const page = useContext(LocalAccessContext);
  const inKiosk = useInKiosk();
  const kioskLang = useKioskSelector((s) => s.context.access.lang, "ja");
  return inKiosk ? kioskLang : (page?.lang ?? "ja");
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
