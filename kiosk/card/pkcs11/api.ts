// The narrow slice of PKCS#11 the driver needs. native.ts adapts pkcs11js to it; the unit tests
// script a fake of it (test/support/fake-pkcs11.ts). Names follow the specification's C_ calls so
// a reader of the driver can look each one up there. Failures are thrown as errors carrying the
// CKR_* value in a numeric `code`, as pkcs11js' Pkcs11Error does.

/** An opaque slot, session or object handle (pkcs11js hands out CK_ULONGs as Buffers). */
export type Handle = Buffer;

export type ModuleInfo = {
  cryptokiVersion: string;
  manufacturerID: string;
  libraryDescription: string;
  libraryVersion: string;
};

export type SlotInfo = { slotDescription: string; manufacturerID: string; flags: number };

/** Only the fields we read: pkcs11js' own TokenInfo has BigInt memory counters JSON cannot print. */
export type TokenInfo = {
  label: string;
  manufacturerID: string;
  model: string;
  serialNumber: string;
  flags: number;
  minPinLen: number;
  maxPinLen: number;
};

export type Attribute = { type: number; value: number | boolean | Buffer };

export interface Pkcs11Api {
  C_Initialize(): void;
  C_Finalize(): void;
  C_GetInfo(): ModuleInfo;
  C_GetSlotList(tokenPresent: boolean): Handle[];
  C_GetSlotInfo(slot: Handle): SlotInfo;
  C_GetTokenInfo(slot: Handle): TokenInfo;
  C_OpenSession(slot: Handle, flags: number): Handle;
  C_CloseSession(session: Handle): void;
  /** Synchronous in pkcs11js: the caller serializes. The PIN goes nowhere else. */
  C_Login(session: Handle, userType: number, pin: string): void;
  C_Logout(session: Handle): void;
  /** C_FindObjectsInit + C_FindObjects + C_FindObjectsFinal in one call. */
  findObjects(session: Handle, template: Attribute[]): Handle[];
  /** The raw values of `types`, in that order. */
  C_GetAttributeValue(session: Handle, object: Handle, types: number[]): Buffer[];
  C_SignInit(session: Handle, mechanism: number, key: Handle): void;
  C_Sign(session: Handle, data: Buffer): Buffer;
  /**
   * Always called with CKF_DONT_BLOCK: the slot whose state changed since the last call, or null
   * for none (CKR_NO_EVENT). Without the flag the call would hold Node's one thread until a card
   * moved. Modules without slot events throw CKR_FUNCTION_NOT_SUPPORTED (or, as SoftHSM2 2.6
   * does, answer CKR_NO_EVENT every time).
   */
  C_WaitForSlotEvent(flags: number): Handle | null;
}

/** Loads the module at `modulePath` (C_Initialize not yet called). */
export type Pkcs11ApiFactory = (modulePath: string) => Pkcs11Api;

/** PKCS#11 pads labels and descriptions with spaces to a fixed width. */
export function trimPadded(value: string): string {
  return value.replace(/[\s\0]+$/u, "");
}

/** A CK_ULONG attribute value as a number (little-endian on every platform pkcs11js builds for). */
export function ulongValue(value: Buffer): number {
  return value.length >= 4 ? value.readUInt32LE(0) : (value[0] ?? 0);
}

export function handleId(handle: Handle): string {
  return handle.toString("hex");
}

/** Clean-up calls (logout, close, finalize) must never hide the failure that got us there. */
export function quietly(call: () => void): void {
  try {
    call();
  } catch {
    // the session or module is gone either way
  }
}
