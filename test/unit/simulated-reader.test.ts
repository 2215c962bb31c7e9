import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { demoCard } from "@/kiosk/pki/cards";
import { x509 } from "@/kiosk/pki/x509";
import {
  createCardReader,
  getCardReader,
  getSimulatedCardReader,
  resetCardReaderForTests,
} from "@/kiosk/card";
import { SIM_READER_ID, SimulatedCardReader } from "@/kiosk/card/simulated";
import { kioskConfig } from "@/kiosk/config";
import { CardError, type CardEvent, type CardFailure } from "@/kiosk/card/types";

const pkiDir = inject("pkiDir");
const data = new TextEncoder().encode("challenge");
let tempDir: string;
let stateFile: string;

function newReader(): SimulatedCardReader {
  return new SimulatedCardReader({ pkiDir, stateFile });
}

async function failureOf(promise: Promise<unknown>): Promise<CardFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CardError);
  return (error as CardError).failure;
}

beforeEach(() => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "simcard-"));
  stateFile = path.join(tempDir, "state.json");
});

afterEach(() => {
  fs.rmSync(tempDir, { recursive: true, force: true });
});

describe("simulated card reader", () => {
  it("lists one reader and every demo card", async () => {
    const reader = newReader();
    expect(await reader.listReaders()).toEqual([
      { id: "SIM-0", name: "仮想カードリーダー", cardPresent: false },
    ]);
    const cards = reader.cards();
    expect(cards.map((c) => c.label)).toEqual([
      "DEMO-A",
      "DEMO-B",
      "DEMO-C",
      "DEMO-D",
      "DEMO-E",
      "DEMO-F",
      "DEMO-G",
      "DEMO-H",
      "DEMO-L",
      "DEMO-X",
    ]);
    expect(cards.find((c) => c.label === "DEMO-B")).toMatchObject({ holder: "埼玉 花子", locked: false });
  });

  it("emits insert and remove events, removing the present card before inserting another", async () => {
    const reader = newReader();
    const events: CardEvent[] = [];
    const stop = reader.watch((e) => events.push(e));
    reader.insert("DEMO-A");
    const first = await reader.status();
    expect(first).toMatchObject({ present: true, readerId: SIM_READER_ID, label: "DEMO-A" });
    reader.insert("DEMO-B");
    const second = await reader.status();
    reader.remove();
    reader.remove();
    stop();
    reader.insert("DEMO-C");

    if (!first.present || !second.present) throw new Error("card should have been present");
    expect(second.insertionId).not.toBe(first.insertionId);
    expect(events).toEqual([
      { type: "card.inserted", readerId: "SIM-0", insertionId: first.insertionId },
      { type: "card.removed", readerId: "SIM-0", insertionId: first.insertionId },
      { type: "card.inserted", readerId: "SIM-0", insertionId: second.insertionId },
      { type: "card.removed", readerId: "SIM-0", insertionId: second.insertionId },
    ]);
    expect(await reader.status()).toMatchObject({ present: true, label: "DEMO-C" });
  });

  it("refuses to read or sign without a card, and an unknown reader", async () => {
    const reader = newReader();
    expect(await failureOf(reader.readCertificate())).toEqual({ code: "noCard" });
    expect(await failureOf(reader.sign("1234", data))).toEqual({ code: "noCard" });
    reader.insert("DEMO-A");
    expect(await failureOf(reader.readCertificate("OTHER"))).toEqual({ code: "noReader" });
  });

  it("signs with the card's key: the signature verifies with the certificate's public key", async () => {
    const reader = newReader();
    reader.insert("DEMO-A");
    const status = await reader.status();
    const signed = await reader.sign(demoCard("DEMO-A").pin, data);
    const certificate = new x509.X509Certificate(Uint8Array.from(await reader.readCertificate()));
    const key = await certificate.publicKey.export({ name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, [
      "verify",
    ]);

    expect(certificate.subjectName.getField("CN")).toEqual(["埼玉 太郎"]);
    expect(signed.algorithm).toBe("RSASSA-PKCS1-v1_5-SHA256");
    expect(status.present && signed.insertionId === status.insertionId).toBe(true);
    expect(
      await crypto.subtle.verify("RSASSA-PKCS1-v1_5", key, Uint8Array.from(signed.signature), data),
    ).toBe(true);
    const other = new TextEncoder().encode("something else");
    expect(
      await crypto.subtle.verify("RSASSA-PKCS1-v1_5", key, Uint8Array.from(signed.signature), other),
    ).toBe(false);
  });

  it("reports count low, then final try, then locks after three wrong PINs", async () => {
    const reader = newReader();
    reader.insert("DEMO-B");
    expect(await reader.pinStatus()).toEqual({
      countLow: false,
      finalTry: false,
      locked: false,
      retriesLeft: 3,
    });

    expect(await failureOf(reader.sign("0000", data))).toEqual({
      code: "pinIncorrect",
      pin: { countLow: true, finalTry: false, locked: false, retriesLeft: 2 },
    });
    expect(await failureOf(reader.sign("0001", data))).toEqual({
      code: "pinIncorrect",
      pin: { countLow: true, finalTry: true, locked: false, retriesLeft: 1 },
    });
    expect(await failureOf(reader.sign("0002", data))).toMatchObject({
      code: "pinLocked",
      pin: { locked: true, retriesLeft: 0 },
    });
    // Locked means locked: the right PIN no longer helps.
    expect(await failureOf(reader.sign(demoCard("DEMO-B").pin, data))).toMatchObject({ code: "pinLocked" });
    expect(reader.cards().find((c) => c.label === "DEMO-B")?.locked).toBe(true);
  });

  it("keeps the try counter across removal and a new reader on the same state file", async () => {
    const first = newReader();
    first.insert("DEMO-A");
    await failureOf(first.sign("9999", data));
    first.remove();
    first.insert("DEMO-A");
    await failureOf(first.sign("9998", data));

    const restarted = newReader();
    restarted.insert("DEMO-A");
    expect(await restarted.pinStatus()).toMatchObject({ finalTry: true, retriesLeft: 1 });
    expect(await failureOf(restarted.sign("9997", data))).toMatchObject({ code: "pinLocked" });
    expect(await failureOf(newReader().sign("1234", data))).toEqual({
      code: "noCard",
    });
  });

  it("resets the counter after a correct PIN", async () => {
    const reader = newReader();
    reader.insert("DEMO-A");
    await failureOf(reader.sign("9999", data));
    await failureOf(reader.sign("9998", data));
    await reader.sign(demoCard("DEMO-A").pin, data);
    expect(await reader.pinStatus()).toEqual({
      countLow: false,
      finalTry: false,
      locked: false,
      retriesLeft: 3,
    });
    expect(await failureOf(reader.sign("9999", data))).toMatchObject({
      code: "pinIncorrect",
      pin: { retriesLeft: 2 },
    });
  });

  it("starts DEMO-L locked, so even its right PIN is refused", async () => {
    const reader = newReader();
    reader.insert("DEMO-L");
    expect(await reader.pinStatus()).toMatchObject({ locked: true, retriesLeft: 0 });
    expect(await failureOf(reader.sign(demoCard("DEMO-L").pin, data))).toMatchObject({ code: "pinLocked" });
  });

  it("refuses a PIN of the wrong shape without spending a try", async () => {
    const reader = newReader();
    reader.insert("DEMO-A");
    expect(await failureOf(reader.sign("12", data))).toEqual({ code: "pinLength" });
    expect(await reader.pinStatus()).toMatchObject({ countLow: false, retriesLeft: 3 });
  });

  it("does not sign when the card is pulled out while the PIN is being checked", async () => {
    const reader = newReader();
    reader.insert("DEMO-A");
    const pending = reader.sign(demoCard("DEMO-A").pin, data);
    reader.remove();
    expect(await failureOf(pending)).toEqual({ code: "cardRemoved" });
  });

  it("never writes a PIN into the PKI folder or the state file", async () => {
    const reader = newReader();
    reader.insert("DEMO-A");
    await failureOf(reader.sign("4711", data));
    const files = [
      stateFile,
      ...fs.readdirSync(path.join(pkiDir, "cards")).map((f) => path.join(pkiDir, "cards", f)),
    ];
    for (const file of files.filter((f) => f.endsWith(".json"))) {
      const text = fs.readFileSync(file, "utf8");
      expect(text).not.toContain("4711");
      expect(text).not.toContain(`"${demoCard("DEMO-A").pin}"`);
    }
  });
});

describe("simulated card reader, card swapped mid-call", () => {
  it("does not sign with a card inserted after the call was made", async () => {
    const reader = newReader();
    reader.insert("DEMO-A");
    const pending = reader.sign(demoCard("DEMO-A").pin, data);
    reader.insert("DEMO-B");
    expect(await failureOf(pending)).toEqual({ code: "cardRemoved" });
  });
});

describe("card reader selection", () => {
  it("builds the simulated reader for CARD_DRIVER=simulated and names the variable otherwise", async () => {
    const config = kioskConfig({ KIOSK_PKI_DIR: pkiDir, KIOSK_SIMCARD_STATE: stateFile });
    expect(config.cardDriver).toBe("simulated");
    expect(await createCardReader(config)).toBeInstanceOf(SimulatedCardReader);
    expect(() => kioskConfig({ CARD_DRIVER: "pcsc" })).toThrow(/CARD_DRIVER: "pcsc" is not a card driver/);
    // a config that did not come through kioskConfig() is refused by the factory too
    const unchecked = { ...config, cardDriver: "pcsc" } as unknown as typeof config;
    await expect(createCardReader(unchecked)).rejects.toThrow(/CARD_DRIVER="pcsc"/);
  });

  it("keeps one reader per process, so an inserted card survives a module reload", async () => {
    resetCardReaderForTests();
    const [first, second] = await Promise.all([getCardReader(), getCardReader()]);
    expect(second).toBe(first);
    expect(await getCardReader()).toBe(first);
    expect(await getSimulatedCardReader()).toBe(first);
    resetCardReaderForTests();
  });
});
