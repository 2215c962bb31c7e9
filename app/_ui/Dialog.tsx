"use client";

import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from "react";

const FOCUSABLE = "button:not([disabled]), input:not([disabled]), select:not([disabled]), a[href], iframe";

/**
 * A modal dialog over the kiosk screen. Focus moves into it on open, Tab stays inside it, and
 * focus returns to where it was on close, so a staff member on a keyboard never ends up behind
 * the backdrop.
 */
export function Dialog({
  title,
  children,
  onEscape,
}: {
  title: string;
  children: ReactNode;
  /** Escape does what the dialog's safe button does (キャンセル, 戻る) */
  onEscape?: () => void;
}) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // a dialog may name its safe choice as the first focus (data-autofocus), so Enter never confirms
    const first =
      ref.current?.querySelector<HTMLElement>("[data-autofocus]") ??
      ref.current?.querySelector<HTMLElement>("button:not([disabled]), input, select");
    (first ?? ref.current)?.focus();
    return () => previous?.focus();
  }, []);

  const keepFocusInside = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape" && onEscape) {
      event.preventDefault();
      onEscape();
      return;
    }
    if (event.key !== "Tab" || !ref.current) return;
    const items = Array.from(ref.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="dialog-backdrop">
      <div
        ref={ref}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={keepFocusInside}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
