"use client";
// Screen changes a person and a screen reader can follow (issue 11 item 4): whenever the screen's
// heading changes — whichever actor (kiosk, flow, PIN) drove the change — the page scrolls to the
// top and focus moves to the new heading, and its text is announced through one polite live region.
// Watching the rendered heading instead of each machine keeps one place for every flow's screens.
import { useEffect, useRef, useState, type RefObject } from "react";

/** What the last screen's heading was: the node React rendered and its text. */
export type SeenHeading = { node: object; text: string } | null;

/**
 * Whether `heading` is a new screen after `seen`: another node (a screen component was swapped) or
 * the same node with another text (one component for two screens, e.g. the two PIN steps of 更新).
 */
export function isNewScreen(seen: SeenHeading, heading: { node: object; text: string } | null): boolean {
  if (!heading) return false;
  return !seen || seen.node !== heading.node || seen.text !== heading.text;
}

/** Moves focus to the heading of each new screen inside `container`; returns the announcement. */
export function useScreenFocus(container: RefObject<HTMLElement | null>): string {
  const [announcement, setAnnouncement] = useState("");
  const seen = useRef<SeenHeading>(null);

  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const check = (first: boolean) => {
      const node = root.querySelector("h1");
      const heading = node ? { node, text: node.textContent?.trim() ?? "" } : null;
      if (!node || !heading || !isNewScreen(seen.current, heading)) return;
      seen.current = heading;
      // the page as loaded is not a change: focus stays where the browser put it
      if (first) return;
      node.tabIndex = -1;
      // an open dialog (idle warning, logout) keeps focus; its own close returns it
      const inDialog = document.activeElement?.closest("[role=dialog]");
      if (!inDialog) {
        window.scrollTo(0, 0);
        node.focus({ preventScroll: true });
      }
      setAnnouncement(heading.text);
    };
    check(true);
    const observer = new MutationObserver(() => check(false));
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [container]);

  return announcement;
}
