// The pin machine's types (machines/pin.machine.ts): what it takes, holds, answers and hears.
import type {
  CardFacts,
  CardView,
  InspectCardFailure,
  PinPurpose,
  PinStepFailure,
} from "../app/_shared/contracts";
import type { Concealed } from "./concealed";

/** Why the card is being proven: the server checks the rule that goes with it (R1, R2, R12, R13). */
export type { PinPurpose } from "../app/_shared/contracts";

export type PinInput = { purpose: PinPurpose; cardPresent: boolean };

export type ProveCardInput = { pin: Concealed; purpose: PinPurpose };
export type InspectCardInput = { purpose: PinPurpose };

export type PinOutput =
  | { ok: true; card: CardView; warnings: string[] }
  | { ok: false; failure: PinStepFailure | InspectCardFailure }
  | { ok: false; cancelled: true };

/** The reader's signals: the kiosk tracks them and hands them to the running flow, which hands them to its PIN step. */
export type CardEvent = { type: "card.inserted" } | { type: "card.removed" };

/** The card's signals and the keypad's: the PIN screen sends to the pin actor itself. */
export type PinEvent = CardEvent | { type: "pin.submit"; pin: string } | { type: "pin.cancel" };

export type PinContext = {
  purpose: PinPurpose;
  cardPresent: boolean;
  /** the last retryable failure, shown at the keypad until the next try */
  error: PinStepFailure | null;
  /** the card as read before the PIN (pre-flight), shown beside the keypad */
  facts: CardFacts | null;
  /** the pre-flight's notices: expiring within 30 days (R18), few PIN tries left on the card */
  notices: string[];
  /** wrong PINs in a row on this insertion; a new insertion starts again at 0 */
  wrongPins: number;
  card: CardView | null;
  warnings: string[];
  failure: PinStepFailure | InspectCardFailure | null;
};
