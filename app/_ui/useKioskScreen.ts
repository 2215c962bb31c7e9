"use client";
// The screen the kiosk shows now and the last error it showed in this visit, for 「係員を呼ぶ」;
// each screen change is reported to the server for the console's terminal page.
import { useEffect, useRef, type RefObject } from "react";
import type { AnyActorRef } from "xstate";
import { reportScreen } from "@/app/actions";
import { useActorSnapshot, useKioskSelector, type KioskSnapshot } from "./kioskPort";
import { runningFlow, screenKey, shownError } from "./kioskScreen";

export function useKioskScreen(): { screen: string; lastError: RefObject<string | null> } {
  // before the actor runs: screen 1 (screenKey's answer for no snapshot)
  const kiosk = useKioskSelector<KioskSnapshot | undefined>((s) => s, undefined);
  const flow = runningFlow(kiosk);
  const children = (kiosk?.children ?? {}) as Record<string, AnyActorRef | undefined>;
  const flowSnapshot = useActorSnapshot(flow ? children[flow] : undefined);
  const pinSnapshot = useActorSnapshot(flowSnapshot?.children?.pin);
  const screen = screenKey(kiosk, flowSnapshot);
  const error = shownError(kiosk, flowSnapshot, pinSnapshot);

  // kept after the screen clears it (the bidder tried again): staff want the last one they saw;
  // forgotten when the visit ends, so the next bidder's call never carries it
  const lastError = useRef<string | null>(null);
  useEffect(() => {
    if (error) lastError.current = error;
    else if (screen === "end") lastError.current = null;
  }, [error, screen]);

  useEffect(() => {
    // the console's view only: a lost report is replaced by the next screen's
    reportScreen(screen).catch(() => undefined);
  }, [screen]);

  return { screen, lastError };
}
