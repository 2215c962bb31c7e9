import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { issueNonce, nonceChallenge, verifyCardProof } from "@/app/_server/card/proof";
import { resetConfigForTests } from "@/app/_server/config";
import { SimulatedCardReader } from "@/kiosk/card/simulated";
import { demoCard } from "@/kiosk/pki/cards";
import { loadCardDescriptors } from "@/kiosk/pki/descriptor";
import type { PrismaClient } from "@/prisma/client";
import { freshDatabase } from "../support/db";

const pkiDir = inject("pkiDir");
let prisma: PrismaClient;
let close: () => Promise<void>;
let stateDir: string;
let reader: SimulatedCardReader;
let agencyId: string;

async function newSession(now = new Date()): Promise<string> {
  const id = crypto.randomBytes(32).toString("base64url");
  await prisma.kioskSession.create({
    data: {
      id,
      terminalId: "KIOSK-01",
      agencyId,
      kind: "construction",
      expiresAt: new Date(now.getTime() + 3_600_000),
    },
  });
  return id;
}

/** The card in the reader signs a fresh nonce of `sessionId`, as the PIN step does. */
async function signedProof(label: string, sessionId: string, now = new Date()) {
  const nonce = await issueNonce(sessionId, now);
  reader.insert(label);
  const signed = await reader.sign(demoCard(label).pin, nonceChallenge(nonce));
  const certificateDer = await reader.readCertificate();
  return { sessionId, nonce, certificateDer, signature: signed.signature, algorithm: signed.algorithm, now };
}

function japaneseDate(date: Date): string {
  const tokyo = new Date(date.getTime() + 9 * 3_600_000);
  return `${tokyo.getUTCFullYear()}年${tokyo.getUTCMonth() + 1}月${tokyo.getUTCDate()}日`;
}

beforeAll(async () => {
  process.env.TRUSTED_CA_FILES = inject("trustedCaFiles");
  resetConfigForTests();
  ({ prisma, close } = await freshDatabase());
  agencyId = (await prisma.agency.create({ data: { code: "110000", name: "埼玉県", goods: true } })).id;
});

afterAll(async () => {
  await close();
});

beforeEach(() => {
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "card-proof-"));
  reader = new SimulatedCardReader({ pkiDir, stateFile: path.join(stateDir, "state.json") });
  return () => fs.rmSync(stateDir, { recursive: true, force: true });
});

describe("card proof", () => {
  it("accepts DEMO-A's signature and records the proven card on the kiosk session", async () => {
    const sessionId = await newSession();
    const proof = await signedProof("DEMO-A", sessionId);
    const result = await verifyCardProof(proof);

    if (!result.ok) throw new Error(`refused: ${result.message}`);
    const serial = loadCardDescriptors(pkiDir).find((c) => c.label === "DEMO-A")!.serialNumber;
    expect(result.card).toMatchObject({
      issuer: "OU=Demo Organization CA U8,O=LGPKI-DEMO,C=JP",
      serialHex: serial.replace(/^0+/, ""),
      serialDecimal: BigInt(`0x${serial}`).toString(),
      holderName: "埼玉 太郎",
      companyOnCard: "株式会社さいたま建設",
      holderAddress: "Saitama Saitama-shi, Urawa-ku, Takasago",
      fingerprint: crypto.createHash("sha256").update(proof.certificateDer).digest("hex"),
    });
    expect(result.warnings).toEqual([]);

    const session = await prisma.kioskSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session.cardFingerprint).toBe(result.card.fingerprint);
    expect(session.card).toEqual(result.card);
    expect(session.cardProvenAt).toEqual(proof.now);
    const nonce = await prisma.cardNonce.findUniqueOrThrow({ where: { value: proof.nonce } });
    expect(nonce.usedAt).toEqual(proof.now);
  });

  it("refuses a signature made by another card's key, and records nothing", async () => {
    const sessionId = await newSession();
    const proof = await signedProof("DEMO-A", sessionId);
    reader.insert("DEMO-B");
    const forged = await reader.sign(demoCard("DEMO-B").pin, nonceChallenge(proof.nonce));
    const result = await verifyCardProof({ ...proof, signature: forged.signature });

    expect(result).toMatchObject({ ok: false, code: "badSignature" });
    expect(!result.ok && result.message).toBe(
      "ICカードによる本人確認ができませんでした。ICカードを差し込み直して、もう一度PIN番号を入力してください。",
    );
    const session = await prisma.kioskSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session.cardFingerprint).toBeNull();
    expect(session.cardProvenAt).toBeNull();
  });

  it("refuses a nonce used a second time", async () => {
    const sessionId = await newSession();
    const proof = await signedProof("DEMO-A", sessionId);
    expect((await verifyCardProof(proof)).ok).toBe(true);
    const again = await verifyCardProof(proof);
    expect(again).toMatchObject({
      ok: false,
      code: "nonceReplayed",
      message: "この確認は既に使用されたか、無効です。もう一度PIN番号を入力してください。",
    });
  });

  it("lets exactly one of two simultaneous proofs with the same nonce through", async () => {
    const sessionId = await newSession();
    const proof = await signedProof("DEMO-A", sessionId);
    const results = await Promise.all([verifyCardProof(proof), verifyCardProof(proof)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toMatchObject([{ code: "nonceReplayed" }]);
  });

  it("refuses a nonce after its five minutes", async () => {
    const sessionId = await newSession();
    const proof = await signedProof("DEMO-A", sessionId);
    const later = new Date(proof.now.getTime() + 6 * 60_000);
    const result = await verifyCardProof({ ...proof, now: later });
    expect(result).toMatchObject({
      ok: false,
      code: "nonceExpired",
      message: "PIN番号の確認に時間がかかりすぎました。もう一度PIN番号を入力してください。",
    });
  });

  it("refuses a nonce issued to another kiosk session", async () => {
    const mine = await newSession();
    const theirs = await newSession();
    const proof = await signedProof("DEMO-A", theirs);
    const result = await verifyCardProof({ ...proof, sessionId: mine });
    expect(result).toMatchObject({ ok: false, code: "nonceReplayed" });
    const session = await prisma.kioskSession.findUniqueOrThrow({ where: { id: mine } });
    expect(session.cardFingerprint).toBeNull();
  });

  it("refuses an unknown nonce", async () => {
    const sessionId = await newSession();
    const proof = await signedProof("DEMO-A", sessionId);
    const result = await verifyCardProof({ ...proof, nonce: crypto.randomBytes(32).toString("base64url") });
    expect(result).toMatchObject({ ok: false, code: "nonceReplayed" });
  });

  it("refuses DEMO-X, whose CA is not a trust anchor", async () => {
    const result = await verifyCardProof(await signedProof("DEMO-X", await newSession()));
    expect(result).toMatchObject({
      ok: false,
      code: "untrusted",
      message:
        "このICカードの電子証明書は、本システムで利用できる認証局が発行したものではありません。ICカードを発行した認証局にお問い合わせください。",
    });
  });

  it("refuses the expired DEMO-D, naming the date it expired", async () => {
    const proof = await signedProof("DEMO-D", await newSession());
    const result = await verifyCardProof(proof);
    const notAfter = new Date(proof.now.getTime() - 86_400_000);
    expect(result).toMatchObject({ ok: false, code: "expired" });
    expect(!result.ok && result.message).toBe(
      `有効期限が切れたICカードは使用できません（有効期限：${japaneseDate(notAfter)}）。新しいICカードを取得してから登録してください。`,
    );
  });

  it("accepts DEMO-H with the R18 warning: twenty days left", async () => {
    const certificate = await (async () => {
      reader.insert("DEMO-H");
      const { x509 } = await import("@/kiosk/pki/x509");
      return new x509.X509Certificate(Uint8Array.from(await reader.readCertificate()));
    })();
    // Twenty whole days before notAfter, so the count cannot slip across midnight.
    const now = new Date(certificate.notAfter.getTime() - 20 * 86_400_000);
    const result = await verifyCardProof(await signedProof("DEMO-H", await newSession(now), now));

    if (!result.ok) throw new Error(`refused: ${result.message}`);
    expect(result.card.daysLeft).toBe(20);
    expect(result.warnings).toEqual([
      `このICカードの有効期限は残り20日です（${japaneseDate(certificate.notAfter)}まで）。お早めに新しいICカードの取得をご検討ください。`,
    ]);
  });
});
