import "server-only";
import fs from "node:fs";
import "reflect-metadata";
import { PemConverter } from "@peculiar/x509";
import * as pkijs from "pkijs";
import type { CrlSource } from "../settings/certificates";

// Revocation by CRL (R18) where one is configured for a certificate's issuer. Fail closed: a list
// that cannot be fetched, does not verify against its CA or is past its nextUpdate refuses the
// card, each with its own reason, because "we could not check" must never read as "not revoked".

export type RevocationRefusal = "revoked" | "crlStale" | "crlInvalid" | "crlUnavailable";
export type RevocationResult = { ok: true; checked: number } | { ok: false; reason: RevocationRefusal };

/** Loopback fetches answer in milliseconds; anything slower is a mirror that is down. */
export const CRL_FETCH_TIMEOUT_MS = 3_000;
/** A fetched list is reused this long (never past its nextUpdate), so a visit does not refetch it. */
export const CRL_CACHE_MS = 5 * 60_000;
const MAX_CRL_BYTES = 32 * 1024 * 1024;

type Loaded =
  { ok: true; crl: pkijs.CertificateRevocationList } | { ok: false; reason: "crlUnavailable" | "crlInvalid" };

type Cached = { crl: pkijs.CertificateRevocationList; stamp: string; loadedAt: number };

const cache = new Map<string, Cached>();
/** The issuer each source's list named last time it loaded: a failing source then blocks only its CA. */
const knownIssuers = new Map<string, pkijs.RelativeDistinguishedNames>();

export function clearCrlCache(): void {
  cache.clear();
  knownIssuers.clear();
}

function parseCrl(bytes: Uint8Array): pkijs.CertificateRevocationList {
  const text = Buffer.from(bytes.subarray(0, 64)).toString("latin1");
  const der = text.includes("-----BEGIN")
    ? PemConverter.decodeFirst(Buffer.from(bytes).toString("latin1"))
    : bytes;
  return pkijs.CertificateRevocationList.fromBER(Uint8Array.from(new Uint8Array(der)));
}

async function fetchBytes(url: string, timeoutMs: number): Promise<Uint8Array | null> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: "error" });
    if (!response.ok) return null;
    const body = new Uint8Array(await response.arrayBuffer());
    return body.length > 0 && body.length <= MAX_CRL_BYTES ? body : null;
  } catch {
    return null;
  }
}

async function load(source: CrlSource, now: Date, timeoutMs: number): Promise<Loaded> {
  let stamp: string;
  if (source.kind === "file") {
    try {
      const stat = fs.statSync(/*turbopackIgnore: true*/ source.location);
      stamp = `${stat.mtimeMs}:${stat.size}`;
    } catch {
      return { ok: false, reason: "crlUnavailable" };
    }
  } else {
    stamp = "url";
  }
  const cached = cache.get(source.location);
  if (cached && cached.stamp === stamp) {
    const nextUpdate = cached.crl.nextUpdate?.value;
    const fresh = source.kind === "file" || Date.now() - cached.loadedAt < CRL_CACHE_MS;
    if (fresh && nextUpdate && nextUpdate >= now) return { ok: true, crl: cached.crl };
  }

  let bytes: Uint8Array | null;
  if (source.kind === "file") {
    try {
      bytes = fs.readFileSync(/*turbopackIgnore: true*/ source.location);
    } catch {
      bytes = null;
    }
  } else {
    bytes = await fetchBytes(source.location, timeoutMs);
  }
  if (!bytes) {
    // A mirror that is down for a moment does not void a list that is still within nextUpdate.
    const nextUpdate = cached?.crl.nextUpdate?.value;
    if (source.kind === "url" && cached && nextUpdate && nextUpdate >= now)
      return { ok: true, crl: cached.crl };
    return { ok: false, reason: "crlUnavailable" };
  }
  let crl: pkijs.CertificateRevocationList;
  try {
    crl = parseCrl(bytes);
  } catch {
    return { ok: false, reason: "crlInvalid" };
  }
  cache.set(source.location, { crl, stamp, loadedAt: Date.now() });
  knownIssuers.set(source.location, crl.issuer);
  return { ok: true, crl };
}

/**
 * Checks every certificate of a verified path (leaf first, anchor last) against the CRLs its
 * issuer has among `sources`. `checked` counts the lists consulted.
 */
export async function checkRevocation(
  path: readonly pkijs.Certificate[],
  sources: readonly CrlSource[],
  now: Date,
  options: { timeoutMs?: number } = {},
): Promise<RevocationResult> {
  if (sources.length === 0) return { ok: true, checked: 0 };
  const timeoutMs = options.timeoutMs ?? CRL_FETCH_TIMEOUT_MS;
  const loaded = await Promise.all(
    sources.map(async (source) => ({ source, result: await load(source, now, timeoutMs) })),
  );
  let checked = 0;
  for (let index = 0; index < path.length - 1; index++) {
    const certificate = path[index]!;
    const issuer = path[index + 1]!;
    for (const { source, result } of loaded) {
      if (!result.ok) {
        const named = knownIssuers.get(source.location);
        // A source never seen working could be this CA's list: refuse rather than guess.
        if (!named || named.isEqual(certificate.issuer)) return { ok: false, reason: result.reason };
        continue;
      }
      const crl = result.crl;
      if (!crl.issuer.isEqual(certificate.issuer)) continue;
      checked++;
      const refusal = await judge(crl, certificate, issuer, now);
      if (refusal) return { ok: false, reason: refusal };
    }
  }
  return { ok: true, checked };
}

async function judge(
  crl: pkijs.CertificateRevocationList,
  certificate: pkijs.Certificate,
  issuer: pkijs.Certificate,
  now: Date,
): Promise<RevocationRefusal | null> {
  let signed = false;
  try {
    signed = await crl.verify({ issuerCertificate: issuer });
  } catch {
    signed = false;
  }
  if (!signed) return "crlInvalid";
  // A revocation signed by the CA is final even on an old list, so it is told before staleness.
  if (crl.isCertificateRevoked(certificate)) return "revoked";
  const nextUpdate = crl.nextUpdate?.value;
  // RFC 5280 requires nextUpdate; a list without one cannot say it is current.
  if (!nextUpdate || nextUpdate < now) return "crlStale";
  return null;
}
