"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

/**
 * A modal dialog over the kiosk screen. Focus moves into it on open and back to where it was on
 * close, so a staff member on a keyboard never ends up behind the backdrop.
 */
export function Dialog({ title, children }: { title: string; children: ReactNode }) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = ref.current?.querySelector<HTMLElement>("button:not([disabled]), input, select");
    (first ?? ref.current)?.focus();
    return () => previous?.focus();
  }, []);

  return (
    <div className="dialog-backdrop">
      <div
        ref={ref}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
