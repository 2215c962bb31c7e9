// Card failures as one closed union, mapped in one place from the PKCS#11 return value carried in
// an error's numeric `code` (pkcs11js' Pkcs11Error, the fake's errors). Message text is never
// looked at: it differs between modules and versions.
import { isCardError, type CardFailure, type PinStatus } from "../types";
import * as K from "./constants";

/**
 * What the token flags say about the user PIN. PKCS#11 reports no number of tries left, only
 * "low", "final try" and "locked": retriesLeft is 1 or 0 where the flags pin it down, else null.
 */
export function pinStatusFromFlags(flags: number | null): PinStatus {
  const has = (flag: number) => flags !== null && (flags & flag) !== 0;
  const locked = has(K.CKF_USER_PIN_LOCKED);
  const finalTry = !locked && has(K.CKF_USER_PIN_FINAL_TRY);
  return {
    countLow: has(K.CKF_USER_PIN_COUNT_LOW) || finalTry,
    finalTry,
    locked,
    retriesLeft: locked ? 0 : finalTry ? 1 : null,
  };
}

function numericCode(error: unknown): number | null {
  if (typeof error !== "object" || error === null || !("code" in error)) return null;
  const code = (error as { code: unknown }).code;
  return typeof code === "number" && Number.isInteger(code) ? code : null;
}

/**
 * The one mapping. `tokenFlags` are the token's flags read right after the failure (null when
 * they could not be read): they turn a wrong PIN into "count low", "final try" or "locked".
 */
export function cardFailureFrom(error: unknown, tokenFlags: number | null = null): CardFailure {
  if (isCardError(error)) return error.failure;
  const code = numericCode(error);
  switch (code) {
    case K.CKR_PIN_INCORRECT: {
      const pin = pinStatusFromFlags(tokenFlags);
      // Some cards lock on this very failure and still answer PIN_INCORRECT.
      return pin.locked ? { code: "pinLocked", pin } : { code: "pinIncorrect", pin };
    }
    case K.CKR_PIN_LOCKED:
      return { code: "pinLocked", pin: pinStatusFromFlags(tokenFlags ?? K.CKF_USER_PIN_LOCKED) };
    // The keypad sends digits only, so an "invalid" PIN is one of a shape this card refuses.
    case K.CKR_PIN_LEN_RANGE:
    case K.CKR_PIN_INVALID:
      return { code: "pinLength" };
    case K.CKR_DEVICE_REMOVED:
    case K.CKR_TOKEN_NOT_PRESENT:
    case K.CKR_SESSION_HANDLE_INVALID:
    case K.CKR_SESSION_CLOSED:
      return { code: "cardRemoved" };
    case K.CKR_SLOT_ID_INVALID:
      return { code: "noReader" };
    // The kiosk cannot change an expired PIN or set a first one, and cannot use keys or
    // mechanisms the card does not offer: this card is not usable here.
    case K.CKR_PIN_EXPIRED:
    case K.CKR_USER_PIN_NOT_INITIALIZED:
    case K.CKR_TOKEN_NOT_RECOGNIZED:
    case K.CKR_MECHANISM_INVALID:
    case K.CKR_KEY_TYPE_INCONSISTENT:
    case K.CKR_KEY_FUNCTION_NOT_PERMITTED:
    case K.CKR_FUNCTION_NOT_SUPPORTED:
      return { code: "unsupported" };
    // Cancelled (a PIN-pad reader's cancel key, or the module interrupted the call): nothing was
    // decided about the PIN and no try was spent, so it is "fatal" — whose kiosk message asks to
    // re-insert and try again — rather than a PIN failure or the flow-ending "card removed".
    case K.CKR_FUNCTION_CANCELED:
      return { code: "fatal" };
    default:
      return { code: "fatal" };
  }
}
