"use client";

import { useEffect, useRef } from "react";
import { cardSignals, NO_CARD, type CardSignal, type CardStatus } from "./cardPresence";

const CARD_POLL_MS = 500;
const ACTIVITY_THROTTLE_MS = 1000;

/** Polls the card route and reports insertions and removals. */
export function useCardPolling(onSignal: (signal: CardSignal) => void): void {
  const handler = useRef(onSignal);
  handler.current = onSignal;

  useEffect(() => {
    let last: CardStatus = NO_CARD;
    let stopped = false;
    let timer: number | undefined;

    const poll = async () => {
      try {
        const response = await fetch("/api/card", { cache: "no-store" });
        if (response.ok) {
          const body = (await response.json()) as { present?: unknown; insertionId?: unknown };
          const next: CardStatus = {
            present: body.present === true,
            insertionId: typeof body.insertionId === "string" ? body.insertionId : null,
          };
          if (!stopped) for (const signal of cardSignals(last, next)) handler.current(signal);
          last = next;
        }
      } catch {
        // A missed poll (server restarting) says nothing about the card; the next one will.
      }
      if (!stopped) timer = window.setTimeout(() => void poll(), CARD_POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, []);
}

/** Reports touches and key presses, at most once a second, to keep the idle timer fresh. */
export function useActivity(onActivity: () => void): void {
  const handler = useRef(onActivity);
  handler.current = onActivity;

  useEffect(() => {
    let lastSent = 0;
    const listener = () => {
      const now = Date.now();
      if (now - lastSent < ACTIVITY_THROTTLE_MS) return;
      lastSent = now;
      handler.current();
    };
    window.addEventListener("pointerdown", listener, { capture: true, passive: true });
    window.addEventListener("keydown", listener, { capture: true, passive: true });
    return () => {
      window.removeEventListener("pointerdown", listener, { capture: true });
      window.removeEventListener("keydown", listener, { capture: true });
    };
  }, []);
}
