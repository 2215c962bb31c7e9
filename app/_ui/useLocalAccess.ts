"use client";
// The access modes of a page shown without a visit (closed, no reader, unavailable): no kiosk
// machine holds them there, so the page keeps them in its own state. Nothing is stored: a reload
// starts at the standard modes, and so does the kiosk once the page gives way to it.
import { createContext, useMemo, useState } from "react";
import { STANDARD_ACCESS, type AccessModes } from "@/machines/kiosk.types";
import { useRootAccess, type AccessHandle } from "./useAccessModes";

/** The page's modes for the texts under it (useLang); null under the kiosk, which has its own. */
export const LocalAccessContext = createContext<AccessModes | null>(null);

export function useLocalAccess(): AccessHandle {
  const [access, setAccess] = useState<AccessModes>(STANDARD_ACCESS);
  useRootAccess(access);
  return useMemo(
    () => ({
      access,
      textSize: (textSize) => setAccess((a) => ({ ...a, textSize })),
      contrast: (highContrast) => setAccess((a) => ({ ...a, highContrast })),
      lang: (lang) => setAccess((a) => ({ ...a, lang })),
    }),
    [access],
  );
}
