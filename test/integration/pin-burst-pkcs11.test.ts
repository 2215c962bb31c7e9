// R33 on the card a bidder actually holds: a real IC card locks after 3 wrong PINs and must then be
// reissued by its CA, which SoftHSM2 does not model. The server's PIN step (app/_server/card/pin-step.ts:
// the cap and the login in one turn per insertion, kiosk/card/turns.ts) drives the real pkcs11 driver
// (kiosk/card/pkcs11/, created by CARD_DRIVER=pkcs11 as in production) over the fake module, whose
// token counts wrong PINs and locks at the third: 20 wrong PINs at once must log in at most twice.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { PIN_TRIES_PER_INSERTION } from "@/app/_server/card/pin-cap";
import { proveCard } from "@/app/_server/card/pin-step";
import { resetConfigForTests } from "@/app/_server/config";
import { getCardReader, resetCardReaderForTests } from "@/kiosk/card";
import * as K from "@/kiosk/card/pkcs11/constants";
import { Pkcs11CardReader } from "@/kiosk/card/pkcs11/reader";
import { x509 } from "@/kiosk/pki/x509";
import { seedDemoData } from "@/prisma/seed";
import { FakePkcs11, fakeToken, type FakeToken } from "../support/fake-pkcs11";
import { freshDatabase } from "../support/db";
import { openSession } from "../support/kiosk";

// the module pkcs11js would load: the production driver gets the fake instead of the native binding
const module = vi.hoisted(() => ({ fake: null as FakePkcs11 | null }));
vi.mock("@/kiosk/card/pkcs11/native", () => ({ loadNativePkcs11: () => module.fake }));

const pkiDir = inject("pkiDir");
const WRONG = "97531";
const ENV_KEYS = ["CARD_DRIVER", "PKCS11_MODULE", "PKCS11_SLOT_LABEL", "TERMINAL_ID"] as const;
const envBefore = ENV_KEYS.map((key) => process.env[key]);

let env: Awaited<ReturnType<typeof freshDatabase>>;
let moduleFile: string;
let terminal = 0;

function cardToken(): FakeToken {
  const pem = fs.readFileSync(path.join(pkiDir, "cards/DEMO-A.cert.pem"), "utf8");
  return fakeToken({
    label: "FAKE-BURST",
    certificates: [{ id: "01", der: new Uint8Array(new x509.X509Certificate(pem).rawData) }],
    keys: [{ id: "01", keyType: K.CKK_RSA }],
    locksAfter: 3,
  });
}

const logins = () => module.fake!.log.filter((call) => call === "C_Login").length;

beforeAll(async () => {
  env = await freshDatabase();
  await seedDemoData(env.prisma);
  // kioskConfig() wants PKCS11_MODULE to name a file; the fake stands in for what it would load
  moduleFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "fake-pkcs11-")), "fake-module.so");
  fs.writeFileSync(moduleFile, "");
});
afterAll(async () => {
  ENV_KEYS.forEach((key, i) => {
    if (envBefore[i] === undefined) delete process.env[key];
    else process.env[key] = envBefore[i];
  });
  resetConfigForTests();
  resetCardReaderForTests();
  fs.rmSync(path.dirname(moduleFile), { recursive: true, force: true });
  await env.close();
});
beforeEach(() => {
  module.fake = new FakePkcs11();
  Object.assign(process.env, {
    CARD_DRIVER: "pkcs11",
    PKCS11_MODULE: moduleFile,
    PKCS11_SLOT_LABEL: "FAKE-BURST",
    TERMINAL_ID: `PIN-BURST-${++terminal}`,
  });
  resetConfigForTests();
  resetCardReaderForTests();
});
afterEach(async () => {
  await ((await getCardReader()) as Pkcs11CardReader).close();
  resetCardReaderForTests();
});

describe("R33 on a card that locks after 3 wrong PINs (fake PKCS#11 module)", () => {
  it("the fake locks at the third wrong PIN, as the card does (the test below is not vacuous)", async () => {
    const token = cardToken();
    module.fake!.addSlot(token);
    const reader = (await getCardReader()) as Pkcs11CardReader;
    expect(reader.driver).toBe("pkcs11");
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) {
      codes.push(
        await reader.sign(WRONG, new Uint8Array([1])).then(
          () => "ok",
          (error: { failure?: { code?: string } }) => error.failure?.code ?? "?",
        ),
      );
    }
    expect(codes).toEqual(["pinIncorrect", "pinIncorrect", "pinLocked"]);
    expect(token.flags & K.CKF_USER_PIN_LOCKED).not.toBe(0);
  });

  it("R33: 20 PIN requests at once with a wrong PIN — at most 2 C_Login reach the card and it is not locked", async () => {
    const token = cardToken();
    module.fake!.addSlot(token);
    const sessionId = await openSession();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => proveCard(sessionId, { pin: WRONG, purpose: "register" })),
    );
    expect(logins()).toBeLessThanOrEqual(PIN_TRIES_PER_INSERTION);
    expect(logins()).toBeGreaterThan(0);
    expect(token.flags & K.CKF_USER_PIN_LOCKED).toBe(0);
    expect(token.wrongPins).toBe(logins());
    const codes = answers.map((a) => (a.ok ? "ok" : a.code));
    expect(codes.filter((c) => c !== "pinCapped" && c !== "pinIncorrect")).toEqual([]);
    expect(codes.filter((c) => c === "pinCapped").length).toBeGreaterThanOrEqual(
      20 - PIN_TRIES_PER_INSERTION,
    );
    // and the stop holds for the next request, right PIN or wrong: the card is not asked again
    expect(await proveCard(sessionId, { pin: token.pin, purpose: "register" })).toMatchObject({
      ok: false,
      code: "pinCapped",
    });
    expect(logins()).toBeLessThanOrEqual(PIN_TRIES_PER_INSERTION);
  });
});
