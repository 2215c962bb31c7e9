"use client";
// The visit's access modes as attributes of <html>: the screens size their text in rem, which
// follows the root element's font size, and the colours are custom properties set there
// (app/globals.css), so dialogs and every screen change together without a prop in each. The
// language goes to <html lang> too: screen readers pick their voice from it, and the receipt
// printed from this page asks for the same language (printReceipt.ts).
import { useEffect } from "react";
import { KioskContext } from "./kioskActor";

export function useAccessModes(): void {
  const { textSize, highContrast, lang } = KioskContext.useSelector((s) => s.context.access);
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
