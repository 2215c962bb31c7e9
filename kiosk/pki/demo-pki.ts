// Builds the demo PKI of DEMO-DATA.md: three self-signed CAs, trust anchors for the two trusted
// ones, and one key + certificate + descriptor per demo card. Keys are generated fresh every
// time and live only under the (gitignored) output folder.
import fs from "node:fs";
import path from "node:path";
import { DEMO_CARDS, DEMO_CAS, cardValidity, type DemoCa, type DemoCaId, type DemoCard } from "./cards";
import { pkiLayout, type CardDescriptor } from "./descriptor";
import { hashPin } from "./pin-hash";
import { generateValidationPki, type GeneratedValidationPki } from "./validation-pki";
import { generateRsaKeys, privateKeyPem, randomSerialHex, x509 } from "./x509";

export const DEFAULT_PKI_DIR = ".data/pki";
const MAX_TRIES = 3;
const CA_YEARS = 10;

export type GeneratedCa = {
  id: DemoCaId;
  subject: string;
  certificatePath: string;
  trustAnchorPath: string | null;
};
export type GeneratedCard = {
  label: string;
  holder: string;
  issuer: string;
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  descriptorPath: string;
};
export type GeneratedPki = {
  dir: string;
  cas: GeneratedCa[];
  cards: GeneratedCard[];
  /** the intermediate CA, the TEST-* cards and the CRL for certificate validation (validation-pki.ts) */
  validation: GeneratedValidationPki;
};

type IssuingCa = { ca: DemoCa; certificate: x509.X509Certificate; keys: CryptoKeyPair };

export async function generateDemoPki(options: { dir?: string; now?: Date } = {}): Promise<GeneratedPki> {
  const dir = path.resolve(options.dir ?? DEFAULT_PKI_DIR);
  const now = options.now ?? new Date();
  const layout = pkiLayout(dir);
  // Regenerating replaces everything: a stale card next to a new CA would be confusing.
  for (const sub of [layout.caDir, layout.trustDir, layout.cardsDir]) {
    fs.rmSync(sub, { recursive: true, force: true });
    fs.mkdirSync(sub, { recursive: true, mode: 0o700 });
  }

  const issuing = new Map<DemoCaId, IssuingCa>();
  const cas: GeneratedCa[] = [];
  for (const ca of DEMO_CAS) {
    const generated = await createCa(ca, now);
    issuing.set(ca.id, generated);
    const pem = generated.certificate.toString("pem");
    const certificatePath = path.join(layout.caDir, `${ca.id}.cert.pem`);
    fs.writeFileSync(certificatePath, pem);
    writeSecret(path.join(layout.caDir, `${ca.id}.key.pem`), await privateKeyPem(generated.keys.privateKey));
    let trustAnchorPath: string | null = null;
    if (ca.trusted) {
      trustAnchorPath = path.join(layout.trustDir, `${ca.id}.pem`);
      fs.writeFileSync(trustAnchorPath, pem);
    }
    cas.push({ id: ca.id, subject: ca.display, certificatePath, trustAnchorPath });
  }

  const cards: GeneratedCard[] = [];
  for (const card of DEMO_CARDS) {
    const ca = issuing.get(card.issuer);
    if (!ca) throw new Error(`Card ${card.label} names unknown CA ${card.issuer}`);
    cards.push(await createCard(card, ca, layout.cardsDir, now));
  }
  const lgpki = issuing.get("lgpki-demo")!;
  const validation = await generateValidationPki({
    dir,
    now,
    root: { certificate: lgpki.certificate, privateKey: lgpki.keys.privateKey },
  });
  return { dir, cas, cards, validation };
}

async function createCa(ca: DemoCa, now: Date): Promise<IssuingCa> {
  const keys = await generateRsaKeys();
  const notBefore = new Date(now.getTime());
  notBefore.setUTCFullYear(notBefore.getUTCFullYear() - 3);
  const notAfter = new Date(now.getTime());
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + CA_YEARS);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerialHex(),
    name: [{ C: [ca.name.C] }, { O: [ca.name.O] }, { OU: [ca.name.OU] }],
    keys,
    notBefore,
    notAfter,
    signingAlgorithm: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } as Algorithm,
    extensions: [
      // The LGPKI-like CA has an intermediate under it (validation-pki.ts), so a path length of 1.
      new x509.BasicConstraintsExtension(true, ca.id === "lgpki-demo" ? 1 : 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { ca, certificate, keys };
}

async function createCard(
  card: DemoCard,
  issuer: IssuingCa,
  cardsDir: string,
  now: Date,
): Promise<GeneratedCard> {
  const keys = await generateRsaKeys();
  const { notBefore, notAfter } = cardValidity(card, now);
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerialHex(),
    subject: [
      { C: ["JP"] },
      { ST: [card.state] },
      { L: [card.locality] },
      { O: [card.company] },
      { CN: [card.holder] },
    ],
    issuer: issuer.certificate.subjectName,
    publicKey: keys.publicKey,
    signingKey: issuer.keys.privateKey,
    notBefore,
    notAfter,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      await x509.AuthorityKeyIdentifierExtension.create(issuer.certificate),
    ],
  });

  const certificateFile = `${card.label}.cert.pem`;
  const keyFile = `${card.label}.key.pem`;
  fs.writeFileSync(path.join(cardsDir, certificateFile), certificate.toString("pem"));
  writeSecret(path.join(cardsDir, keyFile), await privateKeyPem(keys.privateKey));
  const descriptor: CardDescriptor = {
    version: 1,
    label: card.label,
    holder: card.holder,
    company: card.company,
    certificate: certificateFile,
    key: keyFile,
    serialNumber: certificate.serialNumber.toLowerCase(),
    pinHash: await hashPin(card.pin),
    initialState: card.initiallyLocked ? "locked" : "ready",
    maxTries: MAX_TRIES,
  };
  const descriptorPath = path.join(cardsDir, `${card.label}.json`);
  fs.writeFileSync(descriptorPath, `${JSON.stringify(descriptor, null, 2)}\n`);
  return {
    label: card.label,
    holder: card.holder,
    issuer: issuer.ca.display,
    serialNumber: descriptor.serialNumber,
    notBefore,
    notAfter,
    descriptorPath,
  };
}

function writeSecret(file: string, content: string): void {
  fs.writeFileSync(file, content, { mode: 0o600 });
}
