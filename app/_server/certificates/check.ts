import "server-only";
import "reflect-metadata";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import * as x509 from "@peculiar/x509";
import type { CardView } from "@/app/_shared/contracts";
import { toPkijs, verifyChain } from "./chain";
import type { CrlSource } from "../settings/certificates";
import { checkRevocation, type RevocationRefusal } from "./crl";

// Certificates as the kiosk sees them: the facts shown on screen and receipts (CardView), and the
// R18 checks — meant for signing, a path to a configured trusted CA (through configured
// intermediates) verified by pkijs, within validity, and not revoked where a CRL is configured.

x509.cryptoProvider.set(globalThis.crypto);

export type TrustAnchor = { file: string; subject: string; certificate: x509.X509Certificate };
/** An intermediate CA certificate: same shape, but it only links a card to an anchor. */
export type IntermediateCa = TrustAnchor;

export type CertificateCheck =
  | { ok: true; anchor: TrustAnchor }
  | { ok: false; reason: "untrusted" | "keyUsage" | "expired" | "notYetValid" | RevocationRefusal };

export type CertificateCheckOptions = {
  /** INTERMEDIATE_CA_FILES: CAs allowed between a card and an anchor */
  intermediates?: readonly IntermediateCa[];
  /** CRL_SOURCES: lists consulted for the CA that issued each certificate of the path */
  crlSources?: readonly CrlSource[];
  /** how long a CRL URL may take; defaults to crl.ts's short timeout */
  crlTimeoutMs?: number;
};

/** Reads PEM (or DER) CA certificates; a missing or unreadable file stops the server naming it. */
export function loadTrustAnchors(paths: readonly string[]): TrustAnchor[] {
  return loadCaCertificates(paths, "TRUSTED_CA_FILES");
}

/** The intermediate CAs of INTERMEDIATE_CA_FILES, read the same way. */
export function loadIntermediateCas(paths: readonly string[]): IntermediateCa[] {
  return loadCaCertificates(paths, "INTERMEDIATE_CA_FILES");
}

function loadCaCertificates(paths: readonly string[], setting: string): TrustAnchor[] {
  return paths.map((raw) => {
    const file = path.resolve(raw);
    let certificate: x509.X509Certificate;
    try {
      const content = fs.readFileSync(file);
      const text = content.toString("latin1");
      certificate = new x509.X509Certificate(text.includes("-----BEGIN") ? text : Uint8Array.from(content));
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      const what = setting === "TRUSTED_CA_FILES" ? "Trust anchor" : "CA certificate";
      throw new Error(`${what} ${file} (${setting}) cannot be read: ${why}`);
    }
    return { file, subject: formatName(certificate.subjectName), certificate };
  });
}

/** "OU=…,O=…,C=JP": most specific RDN first, no spaces, as 証明書発行者 appears in the manual. */
export function formatName(name: x509.Name): string {
  return name
    .toJSON()
    .slice()
    .reverse()
    .map((rdn) =>
      Object.entries(rdn)
        .flatMap(([type, values]) => values.map((value) => `${type}=${escapeRdnValue(value)}`))
        .join("+"),
    )
    .join(",");
}

function escapeRdnValue(value: string): string {
  return value.replace(/[,+"\\<>;=]/g, (c) => `\\${c}`).replace(/^[ #]|[ ]$/g, (c) => `\\${c}`);
}

/** Serial as stored and shown: lowercase hex without leading zeros. */
export function normalizeSerialHex(serial: string): string {
  return serial.toLowerCase().replace(/^0+(?=.)/, "");
}

const DAY_MS = 86_400_000;
const JST_OFFSET_MS = 9 * 3_600_000;

function tokyoDayNumber(date: Date): number {
  return Math.floor((date.getTime() + JST_OFFSET_MS) / DAY_MS);
}

/** Calendar days (Asia/Tokyo) from `now` to `until`: the count a bidder reads off a calendar. */
export function daysUntil(until: Date, now: Date): number {
  return tokyoDayNumber(until) - tokyoDayNumber(now);
}

export function parseCertificate(der: Uint8Array): x509.X509Certificate {
  return new x509.X509Certificate(Uint8Array.from(der));
}

export function describeCertificate(der: Uint8Array, now: Date): CardView {
  const certificate = parseCertificate(der);
  const subject = certificate.subjectName;
  const serialHex = normalizeSerialHex(certificate.serialNumber);
  const first = (type: string) => subject.getField(type)[0] ?? "";
  return {
    issuer: formatName(certificate.issuerName),
    serialHex,
    serialDecimal: BigInt(`0x${serialHex}`).toString(10),
    subject: formatName(subject),
    holderName: first("CN"),
    // As the manual prints ICカード取得者住所: prefecture then locality, romanized on the card.
    holderAddress: [first("ST"), first("L")].filter(Boolean).join(" "),
    companyOnCard: first("O"),
    notBefore: certificate.notBefore.toISOString(),
    notAfter: certificate.notAfter.toISOString(),
    fingerprint: createHash("sha256").update(der).digest("hex"),
    daysLeft: daysUntil(certificate.notAfter, now),
  };
}

export async function checkCertificate(
  der: Uint8Array,
  anchors: readonly TrustAnchor[],
  now: Date,
  options: CertificateCheckOptions = {},
): Promise<CertificateCheck> {
  const certificate = parseCertificate(der);
  // What the certificate is for is its own property: a CA or encryption-only certificate is not a
  // card's signing certificate whoever issued it. No keyUsage at all means no restriction
  // (RFC 5280 §4.2.1.3).
  const keyUsage = certificate.getExtension(x509.KeyUsagesExtension);
  if (keyUsage && (keyUsage.usages & x509.KeyUsageFlags.digitalSignature) === 0) {
    return { ok: false, reason: "keyUsage" };
  }
  const basic = certificate.getExtension(x509.BasicConstraintsExtension);
  if (basic?.ca) return { ok: false, reason: "keyUsage" };

  // The path is judged at a moment inside the card's own validity, so an expired card from a
  // trusted CA is told "expired", not "untrusted"; for a card valid now that moment is now.
  const checkDate =
    now < certificate.notBefore
      ? certificate.notBefore
      : now > certificate.notAfter
        ? certificate.notAfter
        : now;
  const leaf = toPkijs(Uint8Array.from(der));
  const chain = await verifyChain(
    leaf,
    anchors.map((a) => toPkijs(a.certificate.rawData)),
    (options.intermediates ?? []).map((c) => toPkijs(c.certificate.rawData)),
    checkDate,
  );
  if (!chain.ok) return { ok: false, reason: "untrusted" };
  const anchor = anchors[chain.anchorIndex]!;

  if (now < certificate.notBefore) return { ok: false, reason: "notYetValid" };
  if (now > certificate.notAfter) return { ok: false, reason: "expired" };

  const revocation = await checkRevocation(chain.path, options.crlSources ?? [], now, {
    timeoutMs: options.crlTimeoutMs,
  });
  if (!revocation.ok) return { ok: false, reason: revocation.reason };
  return { ok: true, anchor };
}
