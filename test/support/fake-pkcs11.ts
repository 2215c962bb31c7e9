// A scriptable Pkcs11Api for what SoftHSM2 cannot do: FINAL_TRY and LOCKED flags, a device removed
// during login, a cancelled call. It keeps a log of every call (never the PIN) and fails a named
// call with a CKR code when told to, the way pkcs11js throws: an error with a numeric `code`.
import type { Attribute, Handle, ModuleInfo, Pkcs11Api, SlotInfo, TokenInfo } from "@/kiosk/card/pkcs11/api";
import * as K from "@/kiosk/card/pkcs11/constants";

export type FakeObject = { id: string; der?: Uint8Array; keyType?: number; private?: boolean };
export type FakeToken = {
  label: string;
  serial: string;
  pin: string;
  flags: number;
  certificates: FakeObject[];
  keys: FakeObject[];
  /**
   * A card that counts wrong PINs as a real one does (R33): COUNT_LOW after a wrong PIN, FINAL_TRY
   * with one try left, LOCKED (CKR_PIN_LOCKED) at this many; the right PIN resets the count.
   * Unset: the flags change only when a test sets them.
   */
  locksAfter?: number;
  /** wrong PINs since the last right one (kept by the fake when `locksAfter` is set) */
  wrongPins?: number;
};
type FakeSlot = { handle: Handle; token: FakeToken | null };
type Session = { slot: FakeSlot; loggedIn: boolean; found: Handle[]; signing: { mechanism: number } | null };

export class Pkcs11Failure extends Error {
  constructor(readonly code: number) {
    super(`CKR 0x${code.toString(16)}`);
    this.name = "Pkcs11Error";
  }
}

function u32(value: number): Buffer {
  const buffer = Buffer.alloc(8);
  buffer.writeUInt32LE(value, 0);
  return buffer;
}

export function fakeToken(overrides: Partial<FakeToken> = {}): FakeToken {
  return {
    label: "FAKE-A",
    serial: "0001",
    pin: "2468",
    flags: K.CKF_TOKEN_INITIALIZED | K.CKF_LOGIN_REQUIRED | K.CKF_USER_PIN_INITIALIZED,
    certificates: [],
    keys: [],
    ...overrides,
  };
}

export class FakePkcs11 implements Pkcs11Api {
  readonly log: string[] = [];
  readonly slots: FakeSlot[] = [];
  /** call name → CKR code thrown by the next such call */
  readonly failNext = new Map<string, number>();
  /** what C_Sign was given, per call */
  readonly signed: { mechanism: number; data: Buffer }[] = [];
  /** run at the start of C_Login (e.g. pull the card out "during" it) */
  onLogin: (() => void) | null = null;
  /**
   * Slot events not yet taken by C_WaitForSlotEvent; null: the module has none and answers
   * CKR_FUNCTION_NOT_SUPPORTED. setToken() queues one when they are on; setting `slot.token`
   * directly is a card the module does not announce (SoftHSM2 2.6 answers CKR_NO_EVENT always).
   */
  slotEvents: Handle[] | null = null;
  openSessions = 0;
  maxOpenSessions = 0;
  private readonly sessions = new Map<string, Session>();
  private nextSession = 1;
  private readonly objects = new Map<string, FakeObject & { kind: "cert" | "key" }>();

  addSlot(token: FakeToken | null): FakeSlot {
    const slot = { handle: u32(this.slots.length + 10), token };
    this.slots.push(slot);
    return slot;
  }

  /** Puts a card in (or takes it out of, with null) a slot, the way a module would report it. */
  setToken(slot: FakeSlot, token: FakeToken | null): void {
    slot.token = token;
    this.slotEvents?.push(slot.handle);
  }

  private call(name: string): void {
    this.log.push(name);
    const code = this.failNext.get(name);
    if (code !== undefined) {
      this.failNext.delete(name);
      throw new Pkcs11Failure(code);
    }
  }

  private slot(handle: Handle): FakeSlot {
    const slot = this.slots.find((s) => s.handle.equals(handle));
    if (!slot) throw new Pkcs11Failure(K.CKR_SLOT_ID_INVALID);
    return slot;
  }

  private session(handle: Handle): Session {
    const session = this.sessions.get(handle.toString("hex"));
    if (!session) throw new Pkcs11Failure(K.CKR_SESSION_HANDLE_INVALID);
    if (!session.slot.token) throw new Pkcs11Failure(K.CKR_DEVICE_REMOVED);
    return session;
  }

  C_Initialize(): void {
    this.call("C_Initialize");
  }
  C_Finalize(): void {
    this.call("C_Finalize");
  }
  C_GetInfo(): ModuleInfo {
    this.call("C_GetInfo");
    return {
      cryptokiVersion: "2.40",
      manufacturerID: "fake",
      libraryDescription: "fake",
      libraryVersion: "1.0",
    };
  }
  C_GetSlotList(): Handle[] {
    this.call("C_GetSlotList");
    return this.slots.map((s) => s.handle);
  }
  C_GetSlotInfo(handle: Handle): SlotInfo {
    const slot = this.slot(handle);
    const flags = slot.token ? K.CKF_TOKEN_PRESENT : 0;
    return { slotDescription: `Fake reader ${this.slots.indexOf(slot)}`, manufacturerID: "fake", flags };
  }
  C_GetTokenInfo(handle: Handle): TokenInfo {
    const token = this.slot(handle).token;
    if (!token) throw new Pkcs11Failure(K.CKR_TOKEN_NOT_PRESENT);
    const { label, serial, flags } = token;
    return {
      label,
      manufacturerID: "fake",
      model: "fake",
      serialNumber: serial,
      flags,
      minPinLen: 4,
      maxPinLen: 8,
    };
  }
  C_WaitForSlotEvent(flags: number): Handle | null {
    this.call("C_WaitForSlotEvent");
    // the driver must never block Node's thread: without CKF_DONT_BLOCK this fake refuses
    if ((flags & K.CKF_DONT_BLOCK) === 0) throw new Pkcs11Failure(K.CKR_GENERAL_ERROR);
    if (this.slotEvents === null) throw new Pkcs11Failure(K.CKR_FUNCTION_NOT_SUPPORTED);
    return this.slotEvents.shift() ?? null;
  }
  C_OpenSession(handle: Handle, flags: number): Handle {
    this.call("C_OpenSession");
    const slot = this.slot(handle);
    if (!slot.token) throw new Pkcs11Failure(K.CKR_TOKEN_NOT_PRESENT);
    if ((flags & K.CKF_SERIAL_SESSION) === 0) throw new Pkcs11Failure(0xb4); // CKR_SESSION_PARALLEL_NOT_SUPPORTED
    const id = u32(this.nextSession++);
    this.sessions.set(id.toString("hex"), { slot, loggedIn: false, found: [], signing: null });
    this.openSessions += 1;
    this.maxOpenSessions = Math.max(this.maxOpenSessions, this.openSessions);
    return id;
  }
  C_CloseSession(handle: Handle): void {
    this.call("C_CloseSession");
    if (this.sessions.delete(handle.toString("hex"))) this.openSessions -= 1;
  }
  C_Login(handle: Handle, _userType: number, pin: string): void {
    this.onLogin?.();
    this.call("C_Login");
    const session = this.session(handle);
    const token = session.slot.token!;
    if ((token.flags & K.CKF_USER_PIN_LOCKED) !== 0) throw new Pkcs11Failure(K.CKR_PIN_LOCKED);
    const counted = K.CKF_USER_PIN_COUNT_LOW | K.CKF_USER_PIN_FINAL_TRY;
    if (pin !== token.pin) {
      if (token.locksAfter !== undefined) {
        token.wrongPins = (token.wrongPins ?? 0) + 1;
        const left = token.locksAfter - token.wrongPins;
        token.flags = (token.flags & ~counted) | K.CKF_USER_PIN_COUNT_LOW;
        if (left === 1) token.flags |= K.CKF_USER_PIN_FINAL_TRY;
        if (left <= 0) {
          token.flags = (token.flags & ~counted) | K.CKF_USER_PIN_LOCKED;
          throw new Pkcs11Failure(K.CKR_PIN_LOCKED);
        }
      }
      throw new Pkcs11Failure(K.CKR_PIN_INCORRECT);
    }
    if (token.locksAfter !== undefined) {
      token.wrongPins = 0;
      token.flags &= ~counted;
    }
    session.loggedIn = true;
  }
  C_Logout(handle: Handle): void {
    this.call("C_Logout");
    this.session(handle).loggedIn = false;
  }
  findObjects(handle: Handle, template: Attribute[]): Handle[] {
    this.call("findObjects");
    const session = this.session(handle);
    const token = session.slot.token!;
    const wanted = (type: number) => template.find((a) => a.type === type)?.value;
    const kind = wanted(K.CKA_CLASS) === K.CKO_PRIVATE_KEY ? "key" : "cert";
    const id = wanted(K.CKA_ID);
    const pool = kind === "key" ? token.keys : token.certificates;
    return pool
      .filter((o) => (kind === "key" || o.private ? session.loggedIn : true))
      .filter((o) => !Buffer.isBuffer(id) || id.toString("hex") === o.id)
      .map((o) => {
        const object = Buffer.from(`${token.serial}:${kind}:${o.id}`);
        this.objects.set(object.toString("hex"), { ...o, kind });
        return object;
      });
  }
  C_GetAttributeValue(handle: Handle, object: Handle, types: number[]): Buffer[] {
    this.session(handle);
    const found = this.objects.get(object.toString("hex"));
    if (!found) throw new Pkcs11Failure(0x82); // CKR_OBJECT_HANDLE_INVALID
    return types.map((type) => {
      if (type === K.CKA_VALUE) return Buffer.from(found.der ?? []);
      if (type === K.CKA_ID) return Buffer.from(found.id, "hex");
      if (type === K.CKA_KEY_TYPE) return u32(found.keyType ?? K.CKK_RSA);
      return Buffer.alloc(0);
    });
  }
  C_SignInit(handle: Handle, mechanism: number): void {
    this.call("C_SignInit");
    this.session(handle).signing = { mechanism };
  }
  C_Sign(handle: Handle, data: Buffer): Buffer {
    this.call("C_Sign");
    const session = this.session(handle);
    if (!session.loggedIn || !session.signing) throw new Pkcs11Failure(0x101); // CKR_USER_NOT_LOGGED_IN
    this.signed.push({ mechanism: session.signing.mechanism, data });
    session.signing = null;
    return Buffer.from("fake-signature");
  }
}
