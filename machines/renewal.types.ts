// The renewal machine's types (machines/renewal.machine.ts): what it takes, holds, answers and hears.
import type { AgencyView, CardView, Failure, LoadRenewalResult } from "../app/_shared/contracts";
import type { Kind } from "../app/_shared/kinds";
import type { RenewalFormInput } from "../app/_shared/schemas";
import type { FlowOutput } from "./change.types";
import type { CardEvent } from "./pin.types";

export type { LoadRenewalResult, SubmitRenewalResult } from "../app/_shared/contracts";

/** Both proven cards side by side, as loadRenewal answers them (R13). */
export type RenewalView = Omit<Extract<LoadRenewalResult, { ok: true }>, "ok">;

/** submitRenewal's input: only the R22 choice; the cards are the ones the session proved. */
export type RenewalInput = RenewalFormInput;

/**
 * Besides the menu and 登録, a renewal can end because a card was taken out anywhere but `swap`:
 * the kiosk then ends the session as it does for any flow (R31).
 */
export type RenewalOutput = FlowOutput | { cardRemoved: true };

/** What the ICカード更新 screens send it (the PIN screens send to the pin child), and the card. */
export type RenewalEvent =
  | CardEvent
  | { type: "notice.ok" }
  | { type: "notice.back" }
  | { type: "swap.cancel" }
  | { type: "refusal.back" }
  | { type: "refusal.register" }
  | { type: "propagate.toggle" }
  | { type: "confirm.submit" }
  | { type: "confirm.back" }
  | { type: "receipt.print" };

export type RenewalContext = {
  agency: AgencyView;
  kind: Kind;
  cardPresent: boolean;
  /** the card in use, as proven by its PIN (purpose renewalOld) */
  oldCard: CardView | null;
  /** the card taking over, as proven by its PIN (purpose renewalNew) */
  newCard: CardView | null;
  /** the PIN steps' notices (e.g. R18 "expires within 30 days"), old card's first */
  warnings: string[];
  /** both cards and the registration as loaded for 電子証明書更新確認 */
  view: RenewalView | null;
  /** R22: reflect the renewal to the other agencies (unchecked until the bidder ticks it) */
  propagate: boolean;
  /** why the flow stopped: an R13 refusal at either PIN step, or a refused renewal */
  failure: Failure | null;
  receiptNumber: string | null;
  emailTo: string | null;
  propagatesTo: string[];
  printError: string | null;
};

/**
 * The renewal flow's screens, in the order of the step indicator; each named once, so a screen
 * reader's 「現在のステップ」 is never ambiguous (the notice and 電子証明書更新確認 were both 確認).
 */
export const RENEWAL_STEPS = ["注意事項", "旧ICカード", "新ICカード", "更新内容確認", "完了"] as const;
export type RenewalStep = (typeof RENEWAL_STEPS)[number];
