import type { AgencyView } from "../app/_shared/contracts";
import type { Kind } from "../app/_shared/kinds";
import type { ChangeEvent } from "./change.types";
import type { RegistrationEvent } from "./registration.types";
import type { RenewalEvent } from "./renewal.types";

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

export type EndReason = "logout" | "cardRemoved" | "timeout";

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
  /** message for the select screen when a session could not start */
  error: string | null;
};

/**
 * Events the kiosk handles itself. Every flow's events (registration, change, renewal) are also
 * accepted and passed on to the running flow, so the screens can send every event to the kiosk.
 */
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
  | { type: "logout.cancel" };

export type KioskEvent = KioskOwnEvent | RegistrationEvent | ChangeEvent | RenewalEvent;

export type StartSessionInput = { agencyCode: string; kind: Kind };
