"use client";
// The visit's access modes as attributes of <html>: the screens size their text in rem, which
// follows the root element's font size, and the colours are custom properties set there
// (app/globals.css), so dialogs and every screen change together without a prop in each.
import { useEffect } from "react";
import { KioskContext } from "./kioskActor";

export function useAccessModes(): void {
  const { textSize, highContrast } = KioskContext.useSelector((s) => s.context.access);
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.textSize = textSize;
    root.dataset.contrast = highContrast ? "high" : "standard";
    return () => {
      delete root.dataset.textSize;
      delete root.dataset.contrast;
    };
  }, [textSize, highContrast]);
}
