// Certificate revocation lists for the demo CAs, made with @peculiar/x509 (no hand-written
// ASN.1). A CRL is signed with the CA key the demo PKI keeps under ca/, so tests can make a fresh,
// a stale or a revoking list whenever they need one without touching the CA itself.
import fs from "node:fs";
import path from "node:path";
import { importPrivateKeyPem, x509 } from "./x509";

export type CrlOptions = {
  /** the CA that issues the list: its name becomes the CRL issuer */
  issuer: x509.X509Certificate;
  signingKey: CryptoKey;
  /** serial numbers (hex) of the revoked certificates */
  revokedSerials?: readonly string[];
  thisUpdate: Date;
  nextUpdate: Date;
};

export async function createCrl(options: CrlOptions): Promise<x509.X509Crl> {
  return x509.X509CrlGenerator.create({
    issuer: options.issuer.subjectName,
    thisUpdate: options.thisUpdate,
    nextUpdate: options.nextUpdate,
    signingKey: options.signingKey,
    signingAlgorithm: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } as Algorithm,
    entries: (options.revokedSerials ?? []).map((serialNumber) => ({
      serialNumber,
      revocationDate: options.thisUpdate,
      reason: x509.X509CrlReason.keyCompromise,
    })),
    extensions: [await x509.AuthorityKeyIdentifierExtension.create(options.issuer)],
  });
}

/** Writes the CRL as DER, the form CAs publish at their distribution points. */
export function writeCrl(file: string, crl: x509.X509Crl): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, Buffer.from(crl.rawData));
  return file;
}

/** The certificate and key of a demo CA as the generator left them in `<pkiDir>/ca`. */
export async function loadDemoCaKeys(
  pkiDir: string,
  caId: string,
): Promise<{ certificate: x509.X509Certificate; key: CryptoKey }> {
  const caDir = path.join(pkiDir, "ca");
  const certificate = new x509.X509Certificate(fs.readFileSync(path.join(caDir, `${caId}.cert.pem`), "utf8"));
  const key = await importPrivateKeyPem(fs.readFileSync(path.join(caDir, `${caId}.key.pem`), "utf8"));
  return { certificate, key };
}

const DAY_MS = 86_400_000;

/**
 * A CRL of the demo CA `caId`, written to `file`. By default it is current (issued an hour ago,
 * next update in seven days); `stale: true` makes one whose nextUpdate passed yesterday, which a
 * verifier must refuse rather than trust.
 */
export async function writeDemoCrl(options: {
  pkiDir: string;
  caId: string;
  file: string;
  revokedSerials?: readonly string[];
  now?: Date;
  stale?: boolean;
}): Promise<string> {
  const now = options.now ?? new Date();
  const { certificate, key } = await loadDemoCaKeys(options.pkiDir, options.caId);
  const thisUpdate = options.stale
    ? new Date(now.getTime() - 8 * DAY_MS)
    : new Date(now.getTime() - 3_600_000);
  const nextUpdate = options.stale ? new Date(now.getTime() - DAY_MS) : new Date(now.getTime() + 7 * DAY_MS);
  const crl = await createCrl({
    issuer: certificate,
    signingKey: key,
    revokedSerials: options.revokedSerials,
    thisUpdate,
    nextUpdate,
  });
  return writeCrl(options.file, crl);
}
