import "server-only";
import { loadIntermediateCas, type CertificateCheckOptions, type IntermediateCa } from "./check";
import { parseCrlSources, splitList } from "../settings/certificates";
import { config } from "../config";

// The configured side of R18 beyond the trust anchors: INTERMEDIATE_CA_FILES and CRL_SOURCES as
// checkCertificate takes them. Intermediates are read once per setting (and working directory);
// CRLs are re-read or re-fetched by crl.ts as they change.

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
