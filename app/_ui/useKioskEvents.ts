"use client";

import { useMemo } from "react";
import type { Kind } from "@/app/_shared/kinds";
import type { Lang, TextSize } from "@/machines";
import { useKioskSend } from "./kioskPort";

/**
 * Named senders for the kiosk's own screens, dialogs, activity watch and card reader, so
 * components never build event objects. A flow's screens send to their flow (useFlowEvents).
 */
export function useKioskEvents() {
  const send = useKioskSend();
  return useMemo(() => {
    return {
      selectSubmit: (agencyCode: string, kind: Kind) => send({ type: "select.submit", agencyCode, kind }),
      chooseUserRegistration: () => send({ type: "entry.userRegistration" }),
      proceedFromTop: () => send({ type: "top.proceed" }),
      menuRegister: () => send({ type: "menu.register" }),
      menuChange: () => send({ type: "menu.change" }),
      menuRenewal: () => send({ type: "menu.renewal" }),
      activity: () => send({ type: "user.activity" }),
      logout: () => send({ type: "session.logout" }),
      confirmLogout: () => send({ type: "logout.confirm" }),
      cancelLogout: () => send({ type: "logout.cancel" }),
      cardInserted: () => send({ type: "card.inserted" }),
      cardRemoved: () => send({ type: "card.removed" }),
      textSize: (size: TextSize) => send({ type: "access.textSize", size }),
      contrast: (highContrast: boolean) => send({ type: "access.contrast", highContrast }),
      lang: (lang: Lang) => send({ type: "access.lang", lang }),
    };
  }, [send]);
}

export type KioskEvents = ReturnType<typeof useKioskEvents>;
