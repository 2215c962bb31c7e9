// The pkcs11 driver against the scriptable fake module: what a real card does and SoftHSM2 never
// shows (FINAL_TRY, LOCKED, a device removed during login, a cancelled call), that sessions are
// always closed (and logged out once logged in), and that card calls run one at a time.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, inject, it, vi } from "vitest";
import * as K from "@/kiosk/card/pkcs11/constants";
import { Pkcs11CardReader } from "@/kiosk/card/pkcs11/reader";
import { CardError, isCardError, type CardEvent } from "@/kiosk/card/types";
import { x509 } from "@/kiosk/pki/x509";
import { FakePkcs11, fakeToken, type FakeToken } from "../support/fake-pkcs11";

const pkiDir = inject("pkiDir");
const der = (file: string) =>
  new Uint8Array(new x509.X509Certificate(fs.readFileSync(path.join(pkiDir, file), "utf8")).rawData);
const CARD_CERT = der("cards/DEMO-A.cert.pem");
// a CA certificate: keyCertSign only, never the one to sign a nonce with
const CA_CERT = der("ca/lgpki-demo.cert.pem");
const READY = K.CKF_TOKEN_INITIALIZED | K.CKF_LOGIN_REQUIRED | K.CKF_USER_PIN_INITIALIZED;
const PIN = "2468";

let fake: FakePkcs11;

/** The log without the slot polls the driver makes before each call and after a failure. */
const sessionCalls = () => fake.log.filter((c) => c !== "C_GetSlotList");

function cardToken(overrides: Partial<FakeToken> = {}): FakeToken {
  return fakeToken({
    certificates: [
      { id: "02", der: CA_CERT },
      { id: "01", der: CARD_CERT },
    ],
    keys: [
      { id: "02", keyType: K.CKK_RSA },
      { id: "01", keyType: K.CKK_RSA },
    ],
    ...overrides,
  });
}

function reader(pollMs?: number) {
  return new Pkcs11CardReader({ modulePath: "/fake.so", load: () => fake, pollMs });
}

async function failureOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isCardError(error)) throw new Error(`expected a CardError, got ${String(error)}`);
  return error.failure;
}

beforeEach(() => {
  fake = new FakePkcs11();
});

describe("PIN failures the token reports by its flags", () => {
  it("a wrong PIN with FINAL_TRY set reads as the final try, one left", async () => {
    const token = cardToken();
    fake.addSlot(token);
    fake.onLogin = () => {
      token.flags = READY | K.CKF_USER_PIN_COUNT_LOW | K.CKF_USER_PIN_FINAL_TRY;
    };
    expect(await failureOf(reader().sign("1357", new Uint8Array([1])))).toEqual({
      code: "pinIncorrect",
      pin: { countLow: true, finalTry: true, locked: false, retriesLeft: 1 },
    });
  });

  it("a locked PIN (CKR_PIN_LOCKED) is pinLocked, no tries left", async () => {
    fake.addSlot(cardToken({ flags: READY | K.CKF_USER_PIN_LOCKED }));
    expect(await failureOf(reader().sign(PIN, new Uint8Array([1])))).toEqual({
      code: "pinLocked",
      pin: { countLow: false, finalTry: false, locked: true, retriesLeft: 0 },
    });
  });

  it("a wrong PIN that locks the card on this very try is pinLocked, not pinIncorrect", async () => {
    const token = cardToken();
    fake.addSlot(token);
    fake.onLogin = () => {
      token.flags = READY | K.CKF_USER_PIN_LOCKED;
    };
    expect((await failureOf(reader().sign("1357", new Uint8Array([1])))).code).toBe("pinLocked");
  });

  it("a PIN of a length the card refuses (CKR_PIN_LEN_RANGE) is pinLength", async () => {
    fake.addSlot(cardToken());
    fake.failNext.set("C_Login", K.CKR_PIN_LEN_RANGE);
    expect(await failureOf(reader().sign(PIN, new Uint8Array([1])))).toEqual({ code: "pinLength" });
  });

  it("a PIN outside the token's length range is refused before C_Login, costing no try", async () => {
    fake.addSlot(cardToken());
    expect(await failureOf(reader().sign("123456789", new Uint8Array([1])))).toEqual({ code: "pinLength" });
    expect(fake.log).not.toContain("C_Login");
    expect(fake.log.slice(-1)).toEqual(["C_CloseSession"]);
  });
});

describe("a card that goes away or a call that is cancelled", () => {
  it("DEVICE_REMOVED during login is cardRemoved, and the session is closed without a logout", async () => {
    const slot = fake.addSlot(cardToken());
    fake.onLogin = () => {
      slot.token = null;
    };
    expect(await failureOf(reader().sign(PIN, new Uint8Array([1])))).toEqual({ code: "cardRemoved" });
    expect(sessionCalls().slice(-3)).toEqual(["C_OpenSession", "C_Login", "C_CloseSession"]);
    expect(fake.openSessions).toBe(0);
  });

  it("CKR_FUNCTION_CANCELED is the retryable fatal failure, spends no try, and a retry signs", async () => {
    const token = cardToken();
    fake.addSlot(token);
    fake.failNext.set("C_Login", K.CKR_FUNCTION_CANCELED);
    const card = reader();
    expect(await failureOf(card.sign(PIN, new Uint8Array([1])))).toEqual({ code: "fatal" });
    expect(await card.pinStatus()).toMatchObject({ countLow: false, finalTry: false, locked: false });
    await expect(card.sign(PIN, new Uint8Array([1]))).resolves.toMatchObject({
      algorithm: "RSASSA-PKCS1-v1_5-SHA256",
    });
  });

  it("a card swapped between the call and its turn in the queue signs nothing: cardRemoved", async () => {
    const slot = fake.addSlot(cardToken());
    const card = reader();
    await card.status();
    slot.token = cardToken({ serial: "0002" });
    expect(await failureOf(card.sign(PIN, new Uint8Array([1])))).toEqual({ code: "cardRemoved" });
    expect(fake.log).not.toContain("C_Login");
  });

  it("polling the slot list reports removal and a new insertion id for the next card", async () => {
    const slot = fake.addSlot(cardToken());
    const card = reader(5);
    const events: CardEvent[] = [];
    const stop = card.watch((event) => events.push(event));
    await vi.waitFor(() => expect(events).toHaveLength(1));
    slot.token = null;
    await vi.waitFor(() => expect(events).toHaveLength(2));
    slot.token = cardToken();
    await vi.waitFor(() => expect(events).toHaveLength(3));
    stop();
    expect(events.map((e) => e.type)).toEqual(["card.inserted", "card.removed", "card.inserted"]);
    expect(events[2]!.insertionId).not.toBe(events[0]!.insertionId);
    await card.close();
  });
});

describe("sessions and the queue", () => {
  it("logs out and closes the session when signing fails after login", async () => {
    fake.addSlot(cardToken());
    fake.failNext.set("C_Sign", K.CKR_DEVICE_ERROR);
    expect(await failureOf(reader().sign(PIN, new Uint8Array([1])))).toEqual({ code: "fatal" });
    expect(sessionCalls().slice(-3)).toEqual(["C_Sign", "C_Logout", "C_CloseSession"]);
    expect(fake.openSessions).toBe(0);
  });

  it("logs out and closes the session after a successful signature", async () => {
    fake.addSlot(cardToken());
    await reader().sign(PIN, new Uint8Array([1]));
    expect(sessionCalls().slice(-3)).toEqual(["C_Sign", "C_Logout", "C_CloseSession"]);
    expect(fake.openSessions).toBe(0);
  });

  it("runs concurrent card calls one at a time in call order, a failure not blocking the next", async () => {
    fake.addSlot(cardToken());
    const card = reader();
    const results = await Promise.allSettled([
      card.sign("1357", new Uint8Array([1])),
      card.readCertificate(),
      card.sign(PIN, new Uint8Array([2])),
    ]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled", "fulfilled"]);
    const sessions = fake.log.filter((c) => c === "C_OpenSession" || c === "C_CloseSession");
    expect(sessions).toEqual([
      "C_OpenSession",
      "C_CloseSession",
      "C_OpenSession",
      "C_CloseSession",
      "C_OpenSession",
      "C_CloseSession",
    ]);
    expect(fake.maxOpenSessions).toBe(1);
    expect(fake.signed.map((s) => [...s.data])).toEqual([[2]]);
  });
});

describe("choosing the certificate and the mechanism", () => {
  it("reads the digitalSignature certificate, not the CA certificate beside it", async () => {
    fake.addSlot(cardToken());
    expect(Buffer.from(await reader().readCertificate()).equals(Buffer.from(CARD_CERT))).toBe(true);
  });

  it("signs with the key of the certificate's CKA_ID using CKM_SHA256_RSA_PKCS for RSA", async () => {
    fake.addSlot(cardToken());
    const signed = await reader().sign(PIN, new Uint8Array([7, 8]));
    expect(signed.algorithm).toBe("RSASSA-PKCS1-v1_5-SHA256");
    expect(fake.signed).toEqual([{ mechanism: K.CKM_SHA256_RSA_PKCS, data: Buffer.from([7, 8]) }]);
  });

  it("signs a SHA-256 digest with CKM_ECDSA for an EC key and reports ECDSA-SHA256", async () => {
    fake.addSlot(cardToken({ keys: [{ id: "01", keyType: K.CKK_EC }] }));
    const signed = await reader().sign(PIN, new Uint8Array([7, 8]));
    expect(signed.algorithm).toBe("ECDSA-SHA256");
    const digest = createHash("sha256")
      .update(Buffer.from([7, 8]))
      .digest();
    expect(fake.signed).toEqual([{ mechanism: K.CKM_ECDSA, data: digest }]);
  });

  it("signs with the key of the certificate it showed when the card holds two signing certificates", async () => {
    const other = der("cards/DEMO-B.cert.pem");
    fake.addSlot(
      cardToken({
        certificates: [
          { id: "03", der: other, private: true },
          { id: "01", der: CARD_CERT },
        ],
        keys: [
          { id: "03", keyType: K.CKK_EC },
          { id: "01", keyType: K.CKK_RSA },
        ],
      }),
    );
    const card = reader();
    expect(Buffer.from(await card.readCertificate()).equals(Buffer.from(CARD_CERT))).toBe(true);
    // after login the private certificate (id 03) is listed first; the shown one (01) still signs
    expect((await card.sign(PIN, new Uint8Array([1]))).algorithm).toBe("RSASSA-PKCS1-v1_5-SHA256");
    expect(Buffer.from(await card.readCertificate()).equals(Buffer.from(CARD_CERT))).toBe(true);
  });

  it("a certificate visible only after login is unsupported before the PIN and read after it", async () => {
    fake.addSlot(cardToken({ certificates: [{ id: "01", der: CARD_CERT, private: true }] }));
    const card = reader();
    expect(await failureOf(card.readCertificate())).toEqual({ code: "unsupported" });
    await card.sign(PIN, new Uint8Array([1]));
    expect(Buffer.from(await card.readCertificate()).equals(Buffer.from(CARD_CERT))).toBe(true);
  });
});

describe("no module, no reader, no card", () => {
  it("a module that cannot be loaded is noModule", async () => {
    const card = new Pkcs11CardReader({
      modulePath: "/nowhere.so",
      load: () => {
        throw new CardError({ code: "noModule" });
      },
    });
    expect(await failureOf(card.listReaders())).toEqual({ code: "noModule" });
  });

  it("a module without slots is noReader; an empty slot is noCard", async () => {
    expect(await failureOf(reader().status())).toEqual({ code: "noReader" });
    fake.addSlot(null);
    expect(await reader().status()).toMatchObject({ present: false });
    expect(await failureOf(reader().readCertificate())).toEqual({ code: "noCard" });
  });
});
