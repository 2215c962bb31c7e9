// The part of the demo PKI that exists for certificate validation (R18), beside DEMO-DATA's
// cards: an intermediate CA under the LGPKI-like CA, three extra test cards and the LGPKI-like
// CA's CRL. The cards live in their own folder (test-cards/), not in cards/, because the virtual
// reader lists every descriptor in cards/ and its panel must show exactly DEMO-DATA's cards.
import fs from "node:fs";
import path from "node:path";
import { demoCa, resolveValidityPoint, type DemoCard } from "./cards";
import { createCrl, writeCrl } from "./crl";
import { generateRsaKeys, privateKeyPem, randomSerialHex, x509 } from "./x509";

export const INTERMEDIATE_CA = {
  id: "lgpki-demo-sub",
  name: { C: "JP", O: "LGPKI-DEMO", OU: "Demo Organization Sub CA U8-1" },
  display: "OU=Demo Organization Sub CA U8-1,O=LGPKI-DEMO,C=JP",
} as const;

export type TestCardIssuer = "lgpki-demo" | typeof INTERMEDIATE_CA.id;

export type TestCard = Pick<
  DemoCard,
  "label" | "holder" | "company" | "validFrom" | "validTo" | "purpose"
> & {
  issuer: TestCardIssuer;
  keyUsage: "digitalSignature" | "keyEncipherment";
  /** listed in the LGPKI-like CA's CRL */
  revoked: boolean;
};

const COMPANY = "株式会社さいたま建設";

export const TEST_CARDS: readonly TestCard[] = [
  {
    label: "TEST-I",
    holder: "検証 一郎",
    company: COMPANY,
    validFrom: "-30d",
    validTo: "+2y",
    purpose: "issued by the intermediate CA: accepted when the intermediate is configured",
    issuer: INTERMEDIATE_CA.id,
    keyUsage: "digitalSignature",
    revoked: false,
  },
  {
    label: "TEST-R",
    holder: "検証 二郎",
    company: COMPANY,
    validFrom: "-30d",
    validTo: "+2y",
    purpose: "revoked in the LGPKI-like CA's CRL",
    issuer: "lgpki-demo",
    keyUsage: "digitalSignature",
    revoked: true,
  },
  {
    label: "TEST-K",
    holder: "検証 三郎",
    company: COMPANY,
    validFrom: "-30d",
    validTo: "+2y",
    purpose: "key usage keyEncipherment only: not a signing certificate",
    issuer: "lgpki-demo",
    keyUsage: "keyEncipherment",
    revoked: false,
  },
];

export type ValidationPkiLayout = { intermediateDir: string; testCardsDir: string; crlDir: string };

export function validationPkiLayout(dir: string): ValidationPkiLayout {
  return {
    intermediateDir: path.join(dir, "intermediate"),
    testCardsDir: path.join(dir, "test-cards"),
    crlDir: path.join(dir, "crl"),
  };
}

export type GeneratedTestCard = {
  label: string;
  issuer: string;
  serialNumber: string;
  certificatePath: string;
  keyPath: string;
};

export type GeneratedValidationPki = {
  /** for INTERMEDIATE_CA_FILES */
  intermediateCaFiles: string[];
  /** for CRL_SOURCES: the LGPKI-like CA's CRL, listing TEST-R */
  crlFiles: string[];
  cards: GeneratedTestCard[];
};

type Issuer = { certificate: x509.X509Certificate; privateKey: CryptoKey };

/** Writes the intermediate (certificate and key under ca/ like the others), test cards and CRL. */
export async function generateValidationPki(options: {
  dir: string;
  now: Date;
  /** the LGPKI-like CA as the demo generator just made it */
  root: Issuer;
}): Promise<GeneratedValidationPki> {
  const layout = validationPkiLayout(options.dir);
  for (const sub of Object.values(layout)) {
    fs.rmSync(sub, { recursive: true, force: true });
    fs.mkdirSync(sub, { recursive: true, mode: 0o700 });
  }
  const intermediate = await createIntermediate(options.root, options.now);
  const intermediatePem = intermediate.certificate.toString("pem");
  const intermediateFile = path.join(layout.intermediateDir, `${INTERMEDIATE_CA.id}.pem`);
  fs.writeFileSync(intermediateFile, intermediatePem);
  const caDir = path.join(options.dir, "ca");
  fs.writeFileSync(path.join(caDir, `${INTERMEDIATE_CA.id}.cert.pem`), intermediatePem);
  writeSecret(
    path.join(caDir, `${INTERMEDIATE_CA.id}.key.pem`),
    await privateKeyPem(intermediate.privateKey),
  );

  const cards: GeneratedTestCard[] = [];
  for (const card of TEST_CARDS) {
    const issuer = card.issuer === "lgpki-demo" ? options.root : intermediate;
    const display = card.issuer === "lgpki-demo" ? demoCa("lgpki-demo").display : INTERMEDIATE_CA.display;
    cards.push(await createTestCard(card, { ...issuer, display }, layout.testCardsDir, options.now));
  }
  const revokedSerials = TEST_CARDS.flatMap((card, i) => (card.revoked ? [cards[i]!.serialNumber] : []));
  const crl = await createCrl({
    issuer: options.root.certificate,
    signingKey: options.root.privateKey,
    revokedSerials,
    thisUpdate: new Date(options.now.getTime() - 3_600_000),
    nextUpdate: new Date(options.now.getTime() + 7 * 86_400_000),
  });
  const crlFile = writeCrl(path.join(layout.crlDir, "lgpki-demo.crl"), crl);
  return { intermediateCaFiles: [intermediateFile], crlFiles: [crlFile], cards };
}

async function createIntermediate(root: Issuer, now: Date): Promise<Issuer> {
  const keys = await generateRsaKeys();
  const notBefore = new Date(now.getTime());
  notBefore.setUTCFullYear(notBefore.getUTCFullYear() - 1);
  const notAfter = new Date(now.getTime());
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + 5);
  const { C, O, OU } = INTERMEDIATE_CA.name;
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerialHex(),
    subject: [{ C: [C] }, { O: [O] }, { OU: [OU] }],
    issuer: root.certificate.subjectName,
    publicKey: keys.publicKey,
    signingKey: root.privateKey,
    notBefore,
    notAfter,
    signingAlgorithm: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } as Algorithm,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(root.certificate),
    ],
  });
  return { certificate, privateKey: keys.privateKey };
}

async function createTestCard(
  card: TestCard,
  issuer: Issuer & { display: string },
  dir: string,
  now: Date,
): Promise<GeneratedTestCard> {
  const keys = await generateRsaKeys();
  const notBefore = resolveValidityPoint(card.validFrom, now);
  const notAfter = resolveValidityPoint(card.validTo, now);
  const usage =
    card.keyUsage === "digitalSignature"
      ? x509.KeyUsageFlags.digitalSignature
      : x509.KeyUsageFlags.keyEncipherment;
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerialHex(),
    subject: [{ C: ["JP"] }, { ST: ["Saitama"] }, { O: [card.company] }, { CN: [card.holder] }],
    issuer: issuer.certificate.subjectName,
    publicKey: keys.publicKey,
    signingKey: issuer.privateKey,
    notBefore,
    notAfter,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(usage, true),
      await x509.AuthorityKeyIdentifierExtension.create(issuer.certificate),
    ],
  });
  const certificatePath = path.join(dir, `${card.label}.cert.pem`);
  const keyPath = path.join(dir, `${card.label}.key.pem`);
  fs.writeFileSync(certificatePath, certificate.toString("pem"));
  writeSecret(keyPath, await privateKeyPem(keys.privateKey));
  return {
    label: card.label,
    issuer: issuer.display,
    serialNumber: certificate.serialNumber.toLowerCase(),
    certificatePath,
    keyPath,
  };
}

function writeSecret(file: string, content: string): void {
  fs.writeFileSync(file, content, { mode: 0o600 });
}
