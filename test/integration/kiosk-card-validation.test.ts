// The pre-flight check (inspectCard) with the full R18 configuration: intermediates and a CRL. The
// validation test cards cannot go into the virtual reader (it holds only DEMO-DATA's cards), so a
// reader stand-in holds their certificates — one that fails the test if anything tries its PIN.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { inspectCard } from "@/app/_server/card/inspect";
import { resetConfigForTests } from "@/app/_server/config";
import { clearCrlCache } from "@/app/_server/certificates/crl";
import { resetCardReaderForTests } from "@/kiosk/card";
import type { CardReader, PinStatus } from "@/kiosk/card/types";
import { x509 } from "@/kiosk/pki/x509";
import type { PrismaClient } from "@/prisma/client";
import { freshDatabase } from "../support/db";

const pkiDir = inject("pkiDir");
let prisma: PrismaClient;
let close: () => Promise<void>;
let agencyId: string;

const FRESH_PIN: PinStatus = { countLow: false, finalTry: false, locked: false, retriesLeft: null };

/** A reader holding one validation test card; sign() is never expected before the PIN step. */
function readerWith(label: string): CardReader {
  const pem = fs.readFileSync(path.join(pkiDir, "test-cards", `${label}.cert.pem`), "utf8");
  const der = new Uint8Array(new x509.X509Certificate(pem).rawData);
  return {
    driver: "simulated",
    listReaders: async () => [{ id: "test", name: "test reader", cardPresent: true }],
    status: async () => ({ present: true, readerId: "test", insertionId: `ins-${label}`, label }),
    watch: () => () => {},
    readCertificate: async () => der,
    pinStatus: async () => FRESH_PIN,
    sign: async () => {
      throw new Error("the pre-flight check must not log in to the card");
    },
  };
}

async function sessionWith(label: string): Promise<string> {
  // getCardReader() keeps the terminal's one reader on globalThis (kiosk/card/index.ts)
  (globalThis as { kioskCardReader?: CardReader }).kioskCardReader = readerWith(label);
  const id = crypto.randomBytes(32).toString("base64url");
  await prisma.kioskSession.create({
    data: {
      id,
      terminalId: "KIOSK-01",
      agencyId,
      kind: "construction",
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  return id;
}

beforeAll(async () => {
  process.env.TERMINAL_ID = "KIOSK-01";
  process.env.TRUSTED_CA_FILES = inject("trustedCaFiles");
  process.env.INTERMEDIATE_CA_FILES = inject("intermediateCaFiles");
  process.env.CRL_SOURCES = inject("crlFile");
  resetConfigForTests();
  clearCrlCache();
  ({ prisma, close } = await freshDatabase());
  agencyId = (await prisma.agency.create({ data: { code: "110000", name: "埼玉県", goods: true } })).id;
});

afterAll(async () => {
  resetCardReaderForTests();
  await close();
});

describe("inspectCard with intermediates and a CRL (R18)", () => {
  it("refuses a card listed in its CA's CRL before any PIN, naming the card", async () => {
    const result = await inspectCard(await sessionWith("TEST-R"));
    expect(result).toMatchObject({ ok: false, code: "revoked", card: { holderName: "検証 二郎" } });
  });

  it("accepts a card issued through a configured intermediate CA", async () => {
    const result = await inspectCard(await sessionWith("TEST-I"));
    expect(result).toMatchObject({ ok: true, card: { holderName: "検証 一郎" }, warnings: [] });
  });

  it("refuses a certificate not meant for signing as not usable", async () => {
    const result = await inspectCard(await sessionWith("TEST-K"));
    expect(result).toMatchObject({ ok: false, code: "untrusted", card: { holderName: "検証 三郎" } });
    if (result.ok) return;
    expect(result.message).toContain("電子入札に使用できる種類ではありません");
  });
});
