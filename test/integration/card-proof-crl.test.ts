import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { issueNonce, nonceChallenge, verifyCardProof } from "@/app/_server/card/proof";
import { resetConfigForTests } from "@/app/_server/config";
import { clearCrlCache } from "@/app/_server/certificates/crl";
import { importPrivateKeyPem, x509 } from "@/kiosk/pki/x509";
import type { PrismaClient } from "@/prisma/client";
import { freshDatabase } from "../support/db";

// The PIN step's proof with INTERMEDIATE_CA_FILES and CRL_SOURCES set, as a terminal pointed at
// a CA's CRL runs it: the configuration reaches checkCertificate and each refusal its message.

const pkiDir = inject("pkiDir");
let prisma: PrismaClient;
let close: () => Promise<void>;
let agencyId: string;

async function newSession(): Promise<string> {
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

/** The card's key (kept in the demo PKI's folder) signs a fresh nonce, as the card itself would. */
async function proofOf(folder: "cards" | "test-cards", label: string, sessionId: string) {
  const dir = path.join(pkiDir, folder);
  const key = await importPrivateKeyPem(fs.readFileSync(path.join(dir, `${label}.key.pem`), "utf8"));
  const certificate = new x509.X509Certificate(fs.readFileSync(path.join(dir, `${label}.cert.pem`), "utf8"));
  const nonce = await issueNonce(sessionId);
  const signature = await globalThis.crypto.subtle.sign(
    "RSASSA-PKCS1-v1_5",
    key,
    Uint8Array.from(nonceChallenge(nonce)),
  );
  return {
    sessionId,
    nonce,
    certificateDer: new Uint8Array(certificate.rawData),
    signature: new Uint8Array(signature),
    algorithm: "RSASSA-PKCS1-v1_5-SHA256" as const,
  };
}

beforeAll(async () => {
  process.env.TRUSTED_CA_FILES = inject("trustedCaFiles");
  process.env.INTERMEDIATE_CA_FILES = inject("intermediateCaFiles");
  process.env.CRL_SOURCES = inject("crlFile");
  resetConfigForTests();
  ({ prisma, close } = await freshDatabase());
  agencyId = (await prisma.agency.create({ data: { code: "110000", name: "埼玉県", goods: true } })).id;
});

afterAll(async () => {
  delete process.env.INTERMEDIATE_CA_FILES;
  delete process.env.CRL_SOURCES;
  resetConfigForTests();
  await close();
});

beforeEach(() => {
  clearCrlCache();
});

describe("card proof with intermediates and a CRL configured (R18)", () => {
  it("accepts TEST-I, issued by the configured intermediate CA", async () => {
    const result = await verifyCardProof(await proofOf("test-cards", "TEST-I", await newSession()));
    if (!result.ok) throw new Error(`refused: ${result.message}`);
    expect(result.card.issuer).toBe("OU=Demo Organization Sub CA U8-1,O=LGPKI-DEMO,C=JP");
  });

  it("refuses TEST-R, revoked in the configured CRL, and records nothing", async () => {
    const sessionId = await newSession();
    const result = await verifyCardProof(await proofOf("test-cards", "TEST-R", sessionId));
    expect(result).toMatchObject({
      ok: false,
      code: "revoked",
      message:
        "このICカードの電子証明書は失効しているため、使用できません。ICカードを発行した認証局にお問い合わせください。",
    });
    const session = await prisma.kioskSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session.cardFingerprint).toBeNull();
  });

  it("refuses TEST-K, a key-encipherment certificate, with the key usage message", async () => {
    const result = await verifyCardProof(await proofOf("test-cards", "TEST-K", await newSession()));
    expect(result).toMatchObject({
      ok: false,
      code: "untrusted",
      message:
        "このICカードの電子証明書は電子入札に使用できる種類ではありません。ICカードを発行した認証局にお問い合わせください。",
    });
  });

  it("still accepts DEMO-A with its CA's CRL configured", async () => {
    const result = await verifyCardProof(await proofOf("cards", "DEMO-A", await newSession()));
    expect(result.ok).toBe(true);
  });
});
