// The demo driver: one virtual reader whose cards are the demo PKI's keys and certificates.
// It behaves like a PKCS#11 card where the flows can see it — real PIN checks, a try counter that
// survives removal and restarts, COUNT_LOW / FINAL_TRY / LOCKED — so the screens and the server
// are exercised exactly as with a real card.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { loadCardDescriptors, type LoadedCard } from "../pki/descriptor";
import { verifyPin } from "../pki/pin-hash";
import { importPrivateKeyPem, RSA_SIGN, x509 } from "../pki/x509";
import { SimCardStateStore, type SimCardEntry } from "./sim-state";
import {
  CardError,
  type CardEvent,
  type CardReader,
  type PinStatus,
  type ReaderInfo,
  type ReaderStatus,
  type SignatureAlgorithm,
} from "./types";

export const SIM_READER_ID = "SIM-0";
export const SIM_READER_NAME = "仮想カードリーダー";

export type SimulatedCardSummary = { label: string; holder: string; company: string; locked: boolean };

type Present = { card: LoadedCard; insertionId: string };

export class SimulatedCardReader implements CardReader {
  readonly driver = "simulated" as const;
  private readonly store: SimCardStateStore;
  private loaded: LoadedCard[] | null = null;
  private present: Present | null = null;
  private readonly listeners = new Set<(event: CardEvent) => void>();
  // A card holds one login at a time; serializing also keeps the try counter free of races.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: { pkiDir: string; stateFile: string }) {
    this.store = new SimCardStateStore(options.stateFile);
  }

  /** The virtual cards the operator panel can insert. */
  cards(): SimulatedCardSummary[] {
    return this.allCards().map((card) => ({
      label: card.label,
      holder: card.holder,
      company: card.company,
      locked: this.entry(card).locked,
    }));
  }

  /** Puts a card in the reader; a card already there is taken out first (remove event first). */
  insert(label: string): void {
    const card = this.allCards().find((c) => c.label === label);
    if (!card) throw new Error(`No virtual card labelled "${label}" in ${this.options.pkiDir}`);
    this.remove();
    this.present = { card, insertionId: randomUUID() };
    this.emit({ type: "card.inserted", readerId: SIM_READER_ID, insertionId: this.present.insertionId });
  }

  remove(): void {
    const was = this.present;
    if (!was) return;
    this.present = null;
    this.emit({ type: "card.removed", readerId: SIM_READER_ID, insertionId: was.insertionId });
  }

  async listReaders(): Promise<ReaderInfo[]> {
    return [{ id: SIM_READER_ID, name: SIM_READER_NAME, cardPresent: this.present !== null }];
  }

  async status(readerId?: string): Promise<ReaderStatus> {
    this.requireReader(readerId);
    if (!this.present) return { present: false, readerId: SIM_READER_ID };
    return {
      present: true,
      readerId: SIM_READER_ID,
      insertionId: this.present.insertionId,
      label: this.present.card.label,
    };
  }

  watch(listener: (event: CardEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  async readCertificate(readerId?: string): Promise<Uint8Array> {
    const { card } = this.requireCard(readerId);
    const pem = fs.readFileSync(card.certificatePath, "utf8");
    return new Uint8Array(new x509.X509Certificate(pem).rawData);
  }

  async pinStatus(readerId?: string): Promise<PinStatus> {
    const { card } = this.requireCard(readerId);
    return this.statusOf(card, this.entry(card));
  }

  sign(
    pin: string,
    data: Uint8Array,
    readerId?: string,
  ): Promise<{ signature: Uint8Array; algorithm: SignatureAlgorithm; insertionId: string }> {
    let target: Present;
    try {
      target = this.requireCard(readerId);
    } catch (error) {
      return Promise.reject(error);
    }
    // The card is the one present when the call was made; if it leaves before its turn comes,
    // the call fails rather than signing with whatever card is in the reader by then.
    const run = this.queue.then(() => this.signNow(target, pin, data));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async signNow({ card, insertionId }: Present, pin: string, data: Uint8Array) {
    if (this.present?.insertionId !== insertionId) throw new CardError({ code: "cardRemoved" });
    const entry = this.entry(card);
    if (entry.locked) throw new CardError({ code: "pinLocked", pin: this.statusOf(card, entry) });
    // Like CKR_PIN_LEN_RANGE: a PIN of the wrong shape is refused without costing a try.
    if (!/^[0-9]{4,16}$/.test(pin)) throw new CardError({ code: "pinLength" });

    const correct = await verifyPin(pin, card.pinHash);
    if (!correct) {
      const failures = entry.failures + 1;
      const next: SimCardEntry = {
        serialNumber: card.serialNumber,
        failures,
        locked: failures >= card.maxTries,
      };
      this.store.write(card.label, next);
      const pinState = this.statusOf(card, next);
      throw new CardError({ code: next.locked ? "pinLocked" : "pinIncorrect", pin: pinState });
    }
    if (entry.failures > 0) this.store.write(card.label, { ...entry, failures: 0 });
    // The card left the reader while the PIN was being checked: nothing may be signed for it.
    if (this.present?.insertionId !== insertionId) throw new CardError({ code: "cardRemoved" });

    const key = await importPrivateKeyPem(fs.readFileSync(card.keyPath, "utf8"));
    const signature = await globalThis.crypto.subtle.sign(RSA_SIGN.name, key, Uint8Array.from(data));
    return {
      signature: new Uint8Array(signature),
      algorithm: "RSASSA-PKCS1-v1_5-SHA256" as const,
      insertionId,
    };
  }

  private allCards(): LoadedCard[] {
    this.loaded ??= loadCardDescriptors(this.options.pkiDir);
    return this.loaded;
  }

  private entry(card: LoadedCard): SimCardEntry {
    return (
      this.store.read(card.label, card.serialNumber) ?? {
        serialNumber: card.serialNumber,
        failures: 0,
        locked: card.initialState === "locked",
      }
    );
  }

  private statusOf(card: LoadedCard, entry: SimCardEntry): PinStatus {
    if (entry.locked) return { countLow: true, finalTry: false, locked: true, retriesLeft: 0 };
    const retriesLeft = Math.max(card.maxTries - entry.failures, 0);
    return { countLow: entry.failures > 0, finalTry: retriesLeft === 1, locked: false, retriesLeft };
  }

  private requireReader(readerId: string | undefined): void {
    if (readerId !== undefined && readerId !== SIM_READER_ID) throw new CardError({ code: "noReader" });
  }

  private requireCard(readerId: string | undefined): Present {
    this.requireReader(readerId);
    if (!this.present) throw new CardError({ code: "noCard" });
    return this.present;
  }

  private emit(event: CardEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }
}
