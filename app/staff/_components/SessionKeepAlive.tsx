"use client";

import { useEffect } from "react";

const PING_MS = 5 * 60_000;

/**
 * The staff JWT is short-lived; next-auth re-issues it whenever /api/auth/session is read. While
 * someone is working the console (a key or pointer since the last ping) it is read every five
 * minutes, so an active member stays signed in and an abandoned console times out.
 */
export function SessionKeepAlive() {
  useEffect(() => {
    let active = false;
    const mark = () => {
      active = true;
    };
    const timer = window.setInterval(() => {
      if (!active) return;
      active = false;
      void fetch("/api/auth/session", { cache: "no-store", credentials: "same-origin" }).catch(() => {});
    }, PING_MS);
    window.addEventListener("pointerdown", mark);
    window.addEventListener("keydown", mark);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener("pointerdown", mark);
      window.removeEventListener("keydown", mark);
    };
  }, []);
  return null;
}
