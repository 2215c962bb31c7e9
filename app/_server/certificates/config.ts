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

const caFileCache = new Map<string, TrustAnchor[]>();

/** The CA certificates a comma-separated setting names, read once per value and working directory. */
function caFiles(setting: string, load: (files: string[]) => TrustAnchor[]): TrustAnchor[] {
  const key = `${load.name}|${process.cwd()}|${setting}`;
  let certificates = caFileCache.get(key);
  if (!certificates) {
    certificates = load(splitList(setting));
    caFileCache.set(key, certificates);
  }
  return certificates;
}

/** The configured anchors (TRUSTED_CA_FILES, relative to the working directory). */
export function trustAnchors(): TrustAnchor[] {
  return caFiles(config().TRUSTED_CA_FILES, loadTrustAnchors);
}

export function configuredIntermediates(): IntermediateCa[] {
  return caFiles(config().INTERMEDIATE_CA_FILES, loadIntermediateCas);
}

/** Intermediates and CRL sources of the running configuration, for checkCertificate. */
export function configuredCertificateOptions(): CertificateCheckOptions {
  return { intermediates: configuredIntermediates(), crlSources: parseCrlSources(config().CRL_SOURCES) };
}

/** R18 against the running configuration: the one check the pre-flight and the proof both make. */
export function checkConfiguredCertificate(der: Uint8Array, now: Date): Promise<CertificateCheck> {
  return checkCertificate(der, trustAnchors(), now, configuredCertificateOptions());
}
