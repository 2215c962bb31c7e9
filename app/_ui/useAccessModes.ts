"use client";
// The visit's access modes as attributes of <html>: the screens size their text in rem, which
// follows the root element's font size, and the colours are custom properties set there
// (app/globals.css), so dialogs and every screen change together without a prop in each. The
// language goes to <html lang> too: screen readers pick their voice from it, and the receipt
// printed from this page asks for the same language (printReceipt.ts).
import { useEffect } from "react";
import type { AccessModes, Lang, TextSize } from "@/machines";
import { STANDARD_ACCESS } from "@/machines/kiosk.types";
import { useKioskSelector } from "./kioskPort";
import { useKioskEvents } from "./useKioskEvents";

/** The modes as they are now and the ways to change them, whoever holds them (AccessControls). */
export type AccessHandle = {
  access: AccessModes;
  textSize: (size: TextSize) => void;
  contrast: (highContrast: boolean) => void;
  lang: (lang: Lang) => void;
};

/** Shows `access` through the document root while the calling component is mounted. */
export function useRootAccess({ textSize, highContrast, lang }: AccessModes): void {
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.textSize = textSize;
    root.dataset.contrast = highContrast ? "high" : "standard";
    root.lang = lang;
    return () => {
      delete root.dataset.textSize;
      delete root.dataset.contrast;
      root.lang = "ja";
    };
  }, [textSize, highContrast, lang]);
}

/** The kiosk's modes: held by the kiosk machine for the visit (reset when it ends). */
export function useAccessModes(): AccessHandle {
  const access = useKioskSelector((s) => s.context.access, STANDARD_ACCESS);
  const events = useKioskEvents();
  useRootAccess(access);
  return { access, textSize: events.textSize, contrast: events.contrast, lang: events.lang };
}
