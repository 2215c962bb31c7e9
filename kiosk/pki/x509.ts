// @peculiar/x509 needs reflect-metadata loaded before it and a WebCrypto provider; Node's own
// WebCrypto is the one every kiosk/ module signs and verifies with.
import "reflect-metadata";
import * as x509 from "@peculiar/x509";

x509.cryptoProvider.set(globalThis.crypto);

export { x509 };

export const RSA_SIGN: RsaHashedKeyGenParams = {
  name: "RSASSA-PKCS1-v1_5",
  hash: "SHA-256",
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};

export function generateRsaKeys(): Promise<CryptoKeyPair> {
  return globalThis.crypto.subtle.generateKey(RSA_SIGN, true, ["sign", "verify"]);
}

export async function privateKeyPem(key: CryptoKey): Promise<string> {
  const der = await globalThis.crypto.subtle.exportKey("pkcs8", key);
  return x509.PemConverter.encode(der, "PRIVATE KEY");
}

export function importPrivateKeyPem(pem: string): Promise<CryptoKey> {
  const der = x509.PemConverter.decodeFirst(pem);
  return globalThis.crypto.subtle.importKey("pkcs8", der, RSA_SIGN, false, ["sign"]);
}

/** A positive serial of 64 random bits (first byte kept non-zero so the length is stable). */
export function randomSerialHex(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(8));
  bytes[0] = (bytes[0]! & 0x7f) | 0x10;
  return Buffer.from(bytes).toString("hex");
}
