// The real driver: any vendor's PKCS#11 module behind the CardReader interface. Readers are
// slots, a card is an initialized token; insertions and removals are found by asking the module
// for slot events where it has them (C_WaitForSlotEvent, never blocking), else by polling the slot
// list. Every module call goes through one promise queue: C_Login and friends are synchronous,
// a card holds one login at a time, and a poll must never interleave with a signature.
import { randomBytes } from "node:crypto";
import {
  CardError,
  type CardEvent,
  type CardReader,
  type PinStatus,
  type ReaderInfo,
  type ReaderStatus,
  type SignatureAlgorithm,
} from "../types";
import { quietly, type Handle, type Pkcs11Api, type Pkcs11ApiFactory } from "./api";
import * as K from "./constants";
import { cardFailureFrom, pinStatusFromFlags } from "./errors";
import { slotEventSince, type SlotEventAnswer } from "./slot-events";
import { presentCard, scanSlots, slotFor, type Card, type Slot } from "./slots";
import { signingCertificates, signingPair, signWithKey, type TokenCertificate } from "./token";

export type Pkcs11ReaderOptions = {
  modulePath: string;
  /** Only tokens with this label count as cards (a test module with many tokens; null = any). */
  tokenLabel?: string | null;
  /**
   * How often the slots are rescanned while someone watches and the module has no slot events
   * (100 ms: a SoftHSM2 rescan with reinitialize costs about a millisecond; see bench (i)).
   */
  pollMs?: number;
  /** How often C_WaitForSlotEvent(CKF_DONT_BLOCK) is asked where the module supports it. */
  eventPollMs?: number;
  /**
   * "reinitialize": C_Finalize + C_Initialize before each status poll, for modules that fix their
   * slot list at C_Initialize (SoftHSM2; some older vendor modules) and so never show a new card.
   */
  rescan?: "slotList" | "reinitialize";
  /** The module binding; tests pass a fake, the kiosk the pkcs11js adapter. */
  load: Pkcs11ApiFactory;
};

type Signed = { signature: Uint8Array; algorithm: SignatureAlgorithm; insertionId: string };

/** While slot events are trusted, a rescan this often still checks that none was missed. */
const CHECK_SCAN_MS = 1000;

// Distinguishes insertion ids across restarts: the counter below starts again at 0.
const BOOT = randomBytes(4).toString("hex");

export class Pkcs11CardReader implements CardReader {
  readonly driver = "pkcs11" as const;
  private api: Pkcs11Api | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private slots: Slot[] = [];
  private insertions = 0;
  private readonly listeners = new Set<(event: CardEvent) => void>();
  private timer: NodeJS.Timeout | null = null;
  private watching = false;
  private eventSupport: boolean | null = null;
  private scannedAt = 0;
  // The certificate handed out per insertion: sign() then uses that certificate's key (a card may
  // hold several signing certificates), and a card that shows it only after login has it later.
  private readonly chosen = new Map<string, TokenCertificate>();

  constructor(private readonly options: Pkcs11ReaderOptions) {}

  async listReaders(): Promise<ReaderInfo[]> {
    const list = () => this.slots.map((s) => ({ id: s.id, name: s.name, cardPresent: s.card !== null }));
    return this.run(list, true);
  }

  async status(readerId?: string): Promise<ReaderStatus> {
    return this.run(() => {
      const slot = slotFor(this.slots, readerId);
      if (!slot.card) return { present: false, readerId: slot.id };
      return { present: true, readerId: slot.id, insertionId: slot.card.insertionId, label: slot.card.label };
    }, true);
  }

  watch(listener: (event: CardEvent) => void): () => void {
    this.listeners.add(listener);
    if (!this.watching) {
      this.watching = true;
      this.schedule();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stopWatching();
    };
  }

  /** Whether the module reports slot events; null until the first look (issue 13 item 5). */
  get slotEvents(): boolean | null {
    return this.eventSupport;
  }

  async readCertificate(readerId?: string): Promise<Uint8Array> {
    return this.run((api) => {
      const { slot, card } = presentCard(this.slots, readerId);
      const known = this.chosen.get(card.insertionId);
      if (known) return known.der;
      const session = this.open(api, slot, card);
      let first: TokenCertificate | undefined;
      try {
        [first] = signingCertificates(api, session);
      } catch (error) {
        throw this.failure(api, error, slot, card);
      } finally {
        this.closeSession(api, session);
      }
      // A card that shows its certificate only after login cannot be checked before the PIN.
      if (!first) throw new CardError({ code: "unsupported" });
      this.chosen.set(card.insertionId, first);
      return first.der;
    });
  }

  async pinStatus(readerId?: string): Promise<PinStatus> {
    return this.run((api) => {
      const { slot, card } = presentCard(this.slots, readerId);
      try {
        return pinStatusFromFlags(api.C_GetTokenInfo(slot.handle).flags);
      } catch (error) {
        throw this.failure(api, error, slot, card);
      }
    });
  }

  sign(pin: string, data: Uint8Array, readerId?: string): Promise<Signed> {
    // The card is the one known at call time; if another stands there when the queue gets to
    // this call, nothing is signed with it.
    const known = this.slots.find((s) => (readerId === undefined ? s.card : s.id === readerId));
    const expected = known?.card ? { readerId: known.id, insertionId: known.card.insertionId } : null;
    return this.run((api) => {
      const now = expected && this.slots.find((s) => s.id === expected.readerId)?.card?.insertionId;
      if (expected && now !== expected.insertionId) throw new CardError({ code: "cardRemoved" });
      const { slot, card } = presentCard(this.slots, expected?.readerId ?? readerId);
      const session = this.open(api, slot, card);
      let loggedIn = false;
      try {
        // A PIN the token says is too short or long is refused before it can cost a try.
        const { minPinLen, maxPinLen } = api.C_GetTokenInfo(slot.handle);
        if (pin.length < minPinLen || (maxPinLen > 0 && pin.length > maxPinLen)) {
          throw new CardError({ code: "pinLength" });
        }
        api.C_Login(session, K.CKU_USER, pin);
        loggedIn = true;
        const { certificate, key } = signingPair(api, session, this.chosen.get(card.insertionId)?.id);
        this.chosen.set(card.insertionId, certificate);
        return { ...signWithKey(api, session, key, data), insertionId: card.insertionId };
      } catch (error) {
        throw this.failure(api, error, slot, card);
      } finally {
        if (loggedIn) quietly(() => api.C_Logout(session));
        this.closeSession(api, session);
      }
    });
  }

  /** Stops polling and finalizes the module (tests, shutdown). */
  async close(): Promise<void> {
    this.stopWatching();
    this.listeners.clear();
    await this.enqueue(() => {
      if (this.api) quietly(() => this.api!.C_Finalize());
      this.api = null;
    });
  }

  private stopWatching(): void {
    this.watching = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The next look after the previous one has finished, so a slow rescan never piles up ticks. */
  private schedule(): void {
    const ms = this.eventSupport ? (this.options.eventPollMs ?? 50) : (this.options.pollMs ?? 100);
    this.timer = setTimeout(() => {
      void this.tick()
        .catch(() => undefined)
        .then(() => {
          if (this.watching) this.schedule();
        });
    }, ms);
    this.timer.unref();
  }

  /**
   * One look while watched. Where the module reports slot events, a quiet answer spares the rescan
   * — but only once the module has shown it does report them: SoftHSM2 answers CKR_NO_EVENT to
   * every call and never announces a card. A change a rescan finds that no event announced sends
   * the driver back to polling for good; a rescan every second checks the events meanwhile.
   */
  private tick(): Promise<void> {
    return this.enqueue(() => {
      let answer: SlotEventAnswer | null = null;
      if (this.api && this.eventSupport !== false) {
        answer = slotEventSince(this.api);
        if (answer === "unsupported") this.eventSupport = false;
        else if (answer === "changed") this.eventSupport = true;
        else if (this.eventSupport && Date.now() - this.scannedAt < CHECK_SCAN_MS) return;
      }
      const changed = this.rescan(true);
      if (answer === "quiet" && changed) this.eventSupport = false;
    });
  }

  /** Serialized: initializes the module on first use and refreshes the slots before `work`. */
  private run<T>(work: (api: Pkcs11Api) => T, poll = false): Promise<T> {
    return this.enqueue(() => {
      this.rescan(poll);
      return work(this.api!);
    });
  }

  /**
   * Initializes the module if needed and reads the slots; true when a card came or went. A module
   * whose slot events have proven themselves is never re-initialized to see a new card.
   */
  private rescan(poll: boolean): boolean {
    // between two queued calls no session is open, so a re-initialization loses nothing
    const previous = this.api;
    if (poll && this.options.rescan === "reinitialize" && previous && this.eventSupport !== true) {
      quietly(() => previous.C_Finalize());
      this.api = null;
    }
    return this.refresh(this.module());
  }

  private enqueue<T>(work: () => T): Promise<T> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private module(): Pkcs11Api {
    if (this.api) return this.api;
    const api = this.options.load(this.options.modulePath);
    try {
      api.C_Initialize();
    } catch (error) {
      throw new CardError(cardFailureFrom(error));
    }
    this.api = api;
    return api;
  }

  /** Re-reads the slot list, keeps insertion ids of cards still there and emits the changes. */
  private refresh(api: Pkcs11Api): boolean {
    const scan = scanSlots(api, this.slots, this.options.tokenLabel ?? null, (serial) => {
      this.insertions += 1;
      return `${serial}.${BOOT}.${this.insertions}`;
    });
    this.slots = scan.slots;
    this.scannedAt = Date.now();
    for (const event of scan.events) {
      if (event.type === "card.removed") this.chosen.delete(event.insertionId);
      for (const listener of [...this.listeners]) listener(event);
    }
    return scan.events.length > 0;
  }

  private open(api: Pkcs11Api, slot: Slot, card: Card): Handle {
    try {
      return api.C_OpenSession(slot.handle, K.CKF_SERIAL_SESSION);
    } catch (error) {
      throw this.failure(api, error, slot, card);
    }
  }

  private closeSession(api: Pkcs11Api, session: Handle): void {
    quietly(() => api.C_CloseSession(session));
  }

  /**
   * The failure as a CardError. A wrong PIN carries the token's PIN flags read now; any other
   * failure while the card has left the slot is "card removed", whatever odd code the module gave.
   */
  private failure(api: Pkcs11Api, error: unknown, slot: Slot, card: Card): CardError {
    let flags: number | null = null;
    try {
      flags = api.C_GetTokenInfo(slot.handle).flags;
    } catch {
      flags = null;
    }
    const mapped = cardFailureFrom(error, flags);
    if (mapped.code === "pinIncorrect" || mapped.code === "pinLocked" || mapped.code === "pinLength") {
      return new CardError(mapped);
    }
    quietly(() => this.refresh(api));
    const still = this.slots.find((s) => s.id === slot.id)?.card?.insertionId === card.insertionId;
    return new CardError(still ? mapped : { code: "cardRemoved" });
  }
}
