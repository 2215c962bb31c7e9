"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server's HTML and during hydration, true once React handles events. Console
 * buttons stay disabled until then: a click before hydration would be lost, and a form submitted
 * natively could put what was typed (a password) into the URL.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
