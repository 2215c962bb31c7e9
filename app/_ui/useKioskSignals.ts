"use client";

import { useEffect, useRef } from "react";
import { browserCardFeedEnv, startCardFeed } from "./cardFeed";
import { cardSignals, NO_CARD, type CardSignal, type CardStatus } from "./cardPresence";

const ACTIVITY_THROTTLE_MS = 1000;

/**
 * Reports insertions and removals as the card feed learns of them (the event stream, polling
 * while it is down). The body's data-card says what the page believes is in the reader and
 * data-card-feed whether the stream is open: the browser tests and bench (i) wait on them rather
 * than on a poll that may never come.
 */
export function useCardSignals(onSignal: (signal: CardSignal) => void): void {
  const handler = useRef(onSignal);
  handler.current = onSignal;

  useEffect(() => {
    let last: CardStatus = NO_CARD;
    const body = document.body.dataset;
    const stop = startCardFeed(
      (next) => {
        const signals = cardSignals(last, next);
        last = next;
        body.card = next.present ? "present" : "absent";
        for (const signal of signals) handler.current(signal);
      },
      browserCardFeedEnv(),
      (open) => (body.cardFeed = open ? "stream" : "polling"),
    );
    return () => {
      stop();
      delete body.card;
      delete body.cardFeed;
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
