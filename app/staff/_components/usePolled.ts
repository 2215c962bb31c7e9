"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/**
 * GETs a console route every `ms` and keeps its last JSON answer. The next request starts only
 * after the previous one answered, so a slow server is never asked twice at once. `reload` asks
 * at once (after staff changed something). A failed request keeps the last answer on screen.
 */
export function usePolled<T>(
  url: string,
  ms: number,
): { data: T | null; failed: boolean; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [failed, setFailed] = useState(false);
  const wake = useRef<() => void>(() => undefined);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function poll() {
      clearTimeout(timer);
      try {
        const response = await fetch(url, { cache: "no-store", credentials: "same-origin" });
        if (stopped) return;
        if (response.ok) {
          setData((await response.json()) as T);
          setFailed(false);
        } else setFailed(true);
      } catch {
        if (!stopped) setFailed(true);
      }
      if (!stopped) timer = setTimeout(poll, ms);
    }
    wake.current = () => void poll();
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [url, ms]);

  const reload = useCallback(() => wake.current(), []);
  return { data, failed, reload };
}

/** 「12秒前」「3分前」「2時間前」: how long ago, from the server's count of seconds. */
export function agoText(seconds: number): string {
  if (seconds < 60) return `${seconds}秒前`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}分前`;
  return `${Math.floor(seconds / 3600)}時間前`;
}
