"use client";

import { useEffect, useState } from "react";
import { formatKioskClock } from "./clockFormat";
import { useLang } from "./i18n/useT";

/**
 * The current time, or null until the browser has rendered it once. Starting at null keeps the
 * server-rendered HTML free of a time that would already be wrong when it hydrates.
 */
export function useNow(intervalMs = 1000): Date | null {
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    setNow(new Date());
    const timer = window.setInterval(() => setNow(new Date()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function Clock({ now }: { now: Date | null }) {
  const lang = useLang();
  if (!now) return null;
  return (
    <time className="clock" dateTime={now.toISOString()}>
      {formatKioskClock(now, lang)}
    </time>
  );
}
