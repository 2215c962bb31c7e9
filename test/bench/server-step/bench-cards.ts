// Bench bidders and their IC cards. One registration per card and user ID (R1: a card is registered
// once per kind), so the register step needs as many cards as it times: certificates issued by the
// demo LGPKI-like CA (a trusted anchor of the bench terminal), all on one key pair — a fresh
// RSA-2048 key per card would make the set-up the slow part, and the server checks the certificate
// and the signature, not that keys differ.
import fs from "node:fs";
import path from "node:path";
import { pkiLayout } from "@/kiosk/pki/descriptor";
import { generateRsaKeys, importPrivateKeyPem, RSA_SIGN, randomSerialHex, x509 } from "@/kiosk/pki/x509";

export const BENCH_BIDDER = {
  officialName: "株式会社ベンチ建設",
  holder: "ベンチ 太郎",
  password: "Bench001",
};

/** The i-th bench user ID: 3000000000 + i (the demo's are 1… and 2…). */
export function benchUserId(i: number): string {
  return String(3_000_000_000 + i);
}

export type BenchCard = {
  certificateDer: Uint8Array;
  certificatePem: string;
  sign(data: Uint8Array): Promise<Uint8Array>;
};

export async function issueBenchCards(pkiDir: string, count: number): Promise<BenchCard[]> {
  const { caDir } = pkiLayout(pkiDir);
  const ca = new x509.X509Certificate(fs.readFileSync(path.join(caDir, "lgpki-demo.cert.pem"), "utf8"));
  const caKey = await importPrivateKeyPem(fs.readFileSync(path.join(caDir, "lgpki-demo.key.pem"), "utf8"));
  const keys = await generateRsaKeys();
  const now = Date.now();
  const cards: BenchCard[] = [];
  for (let i = 0; i < count; i++) {
    const certificate = await x509.X509CertificateGenerator.create({
      serialNumber: randomSerialHex(),
      subject: [
        { C: ["JP"] },
        { ST: ["Saitama"] },
        { O: [BENCH_BIDDER.officialName] },
        { CN: [BENCH_BIDDER.holder] },
      ],
      issuer: ca.subjectName,
      publicKey: keys.publicKey,
      signingKey: caKey,
      notBefore: new Date(now - 30 * 86_400_000),
      notAfter: new Date(now + 2 * 365 * 86_400_000),
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        await x509.AuthorityKeyIdentifierExtension.create(ca),
      ],
    });
    cards.push({
      certificateDer: new Uint8Array(certificate.rawData),
      certificatePem: certificate.toString("pem"),
      sign: async (data) =>
        new Uint8Array(
          await globalThis.crypto.subtle.sign(RSA_SIGN.name, keys.privateKey, Uint8Array.from(data)),
        ),
    });
  }
  return cards;
}
