// The card layer's one interface. Drivers: "simulated" (virtual demo cards, ./simulated.ts) now,
// "pkcs11" (any vendor's PKCS#11 module through pkcs11js) next. Sized for PKCS#11: readers are
// slots, a present card is a present token, login + sign happen in one serialized call because
// C_Login is synchronous and a card holds one login at a time.

export type ReaderInfo = { id: string; name: string; cardPresent: boolean };

export type CardEvent =
  | { type: "card.inserted"; readerId: string; insertionId: string }
  | { type: "card.removed"; readerId: string; insertionId: string };

export type ReaderStatus =
  | { present: false; readerId: string }
  /** insertionId changes on every insertion, so a swapped card is never mistaken for the same one */
  | { present: true; readerId: string; insertionId: string; label: string | null };

/** What the card reports about its user PIN (PKCS#11 token flags). */
export type PinStatus = { countLow: boolean; finalTry: boolean; locked: boolean; retriesLeft: number | null };

export type SignatureAlgorithm = "RSASSA-PKCS1-v1_5-SHA256" | "ECDSA-SHA256";

export type CardErrorCode =
  | "noModule"
  | "noReader"
  | "noCard"
  | "cardRemoved"
  | "pinIncorrect"
  | "pinLocked"
  | "pinLength"
  | "unsupported"
  | "fatal";

/** A card failure as one closed union; `pin` says what the card reported after a wrong PIN. */
export type CardFailure = { code: CardErrorCode; pin?: PinStatus };

export class CardError extends Error {
  constructor(readonly failure: CardFailure) {
    // Never put a PIN (or anything typed) in the message: errors end up in logs.
    super(`card error: ${failure.code}`);
    this.name = "CardError";
  }
}

/**
 * True for a CardError from any copy of this module. Next bundles the server into several chunks
 * and the reader lives on globalThis, so the class that threw may not be the one imported here:
 * never use instanceof across that boundary.
 */
export function isCardError(error: unknown): error is CardError {
  return error instanceof Error && error.name === "CardError" && "failure" in error;
}

export interface CardReader {
  readonly driver: "simulated" | "pkcs11" | "none";
  listReaders(): Promise<ReaderInfo[]>;
  status(readerId?: string): Promise<ReaderStatus>;
  /** Subscribes to insert/remove; returns the unsubscribe function. */
  watch(listener: (event: CardEvent) => void): () => void;
  /** The card's authentication certificate, DER. Readable without the PIN. */
  readCertificate(readerId?: string): Promise<Uint8Array>;
  pinStatus(readerId?: string): Promise<PinStatus>;
  /**
   * Logs in with the PIN, signs `data` with the certificate's key, logs out — one call, so the
   * PIN lives only for its duration. Throws CardError (pinIncorrect carries the card's PinStatus).
   */
  sign(
    pin: string,
    data: Uint8Array,
    readerId?: string,
  ): Promise<{ signature: Uint8Array; algorithm: SignatureAlgorithm; insertionId: string }>;
}
