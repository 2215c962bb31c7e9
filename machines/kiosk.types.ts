import type { AgencyView } from "../app/_shared/contracts";
import type { Kind } from "../app/_shared/kinds";
import type { CardEvent } from "./pin.types";

export type KioskInput = {
  /** seconds without activity before the countdown dialog (R32) */
  idleSeconds: number;
  /** length of the countdown, in seconds */
  warningSeconds: number;
  /** how long the 終了画面 stays before the kiosk returns to screen 1 */
  endSeconds: number;
  /** whether a card is already in the reader when the kiosk starts */
  cardPresent?: boolean;
};

export type EndReason = "logout" | "cardRemoved" | "timeout" | "searchLimit";

/** 文字サイズ: 標準・大・特大 (issue 11 item 7). */
export type TextSize = "standard" | "large" | "xlarge";

/** The kiosk's language: Japanese, or English with the manual's terms kept (issue 11 item 7). */
export type Lang = "ja" | "en";

/** How the screens are shown to this bidder; chosen on any screen, kept for one visit. */
export type AccessModes = { textSize: TextSize; highContrast: boolean; lang: Lang };

export const STANDARD_ACCESS: AccessModes = { textSize: "standard", highContrast: false, lang: "ja" };

export function isStandardAccess(access: AccessModes): boolean {
  return (Object.keys(STANDARD_ACCESS) as (keyof AccessModes)[]).every(
    (key) => access[key] === STANDARD_ACCESS[key],
  );
}

export type KioskContext = {
  idleSeconds: number;
  warningSeconds: number;
  endSeconds: number;
  agency: AgencyView | null;
  kind: Kind | null;
  cardPresent: boolean;
  /** seconds left in the inactivity countdown; meaningful in active.idle.warning */
  idleRemaining: number;
  /** why the last session ended; kept for 終了画面 and the select screen's notice */
  endReason: EndReason | null;
  /** whether the visit that ended had committed its operation (終了画面's words) */
  committed: boolean;
  /** message for the select screen when a session could not start */
  error: string | null;
  /** text size, contrast and language; back to STANDARD_ACCESS once the visit's last screen is gone */
  access: AccessModes;
};

/** What the kiosk's own screens, dialogs and activity watch send it. */
export type KioskOwnEvent =
  | { type: "select.submit"; agencyCode: string; kind: Kind }
  | { type: "entry.userRegistration" }
  | { type: "top.proceed" }
  | { type: "menu.register" }
  | { type: "menu.change" }
  | { type: "menu.renewal" }
  | { type: "user.activity" }
  | { type: "session.logout" }
  | { type: "logout.confirm" }
  | { type: "logout.cancel" }
  | { type: "access.textSize"; size: TextSize }
  | { type: "access.contrast"; highContrast: boolean }
  | { type: "access.lang"; lang: Lang }
  /**
   * The server answered "unavailable" (its database cannot be reached) to any step: sent to the
   * kiosk root by the implementations (KIOSK_SYSTEM_ID), which ends the visit wherever it is.
   */
  | { type: "system.unavailable" };

/**
 * The kiosk's own events and the card's. A flow's screens send to the flow's actor, never here; the
 * card is the kiosk's to track (cardPresent, R31) and it hands each signal on to the running flow.
 */
export type KioskEvent = KioskOwnEvent | CardEvent;

export type StartSessionInput = { agencyCode: string; kind: Kind };
