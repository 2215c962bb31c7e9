import "server-only";
import {
  checkCertificate,
  loadIntermediateCas,
  loadTrustAnchors,
  type CertificateCheck,
  type CertificateCheckOptions,
  type IntermediateCa,
  type TrustAnchor,
} from "./check";
import { parseCrlSources, splitList } from "../settings/certificates";
import { config } from "../config";

// The configured side of R18: TRUSTED_CA_FILES, INTERMEDIATE_CA_FILES and CRL_SOURCES as
// checkCertificate takes them. Anchors and intermediates are read once per setting (and working
// directory); CRLs are re-read or re-fetched by crl.ts as they change.

const anchorCache = new Map<string, TrustAnchor[]>();

/** The configured anchors (TRUSTED_CA_FILES, relative to the working directory). */
export function trustAnchors(): TrustAnchor[] {
  const setting = config().TRUSTED_CA_FILES;
  const key = `${process.cwd()}|${setting}`;
  let anchors = anchorCache.get(key);
  if (!anchors) {
    anchors = loadTrustAnchors(splitList(setting));
    anchorCache.set(key, anchors);
  }
  return anchors;
}

const intermediateCache = new Map<string, IntermediateCa[]>();

export function configuredIntermediates(): IntermediateCa[] {
  const setting = config().INTERMEDIATE_CA_FILES;
  const key = `${process.cwd()}|${setting}`;
  let intermediates = intermediateCache.get(key);
  if (!intermediates) {
    intermediates = loadIntermediateCas(splitList(setting));
    intermediateCache.set(key, intermediates);
  }
  return intermediates;
}

/** Intermediates and CRL sources of the running configuration, for checkCertificate. */
export function configuredCertificateOptions(): CertificateCheckOptions {
  return { intermediates: configuredIntermediates(), crlSources: parseCrlSources(config().CRL_SOURCES) };
}

/** R18 against the running configuration: the one check the pre-flight and the proof both make. */
export function checkConfiguredCertificate(der: Uint8Array, now: Date): Promise<CertificateCheck> {
  return checkCertificate(der, trustAnchors(), now, configuredCertificateOptions());
}
