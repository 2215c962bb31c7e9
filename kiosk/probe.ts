// `npm run kiosk:probe [-- --module <path>]`: what the PKCS#11 module sees — module, slots,
// tokens with their PIN flags, and the certificates readable without login — with no UI and no
// PIN, for setting up a terminal with a vendor's module. The module comes from --module or
// PKCS11_MODULE.
import { x509 } from "./pki/x509";
import { handleId, trimPadded, type Handle, type Pkcs11Api } from "./card/pkcs11/api";
import * as K from "./card/pkcs11/constants";
import { loadNativePkcs11 } from "./card/pkcs11/native";
import { isCardError } from "./card/types";

const TOKEN_FLAGS: [number, string][] = [
  [K.CKF_TOKEN_INITIALIZED, "TOKEN_INITIALIZED"],
  [K.CKF_LOGIN_REQUIRED, "LOGIN_REQUIRED"],
  [K.CKF_USER_PIN_INITIALIZED, "USER_PIN_INITIALIZED"],
  [K.CKF_USER_PIN_COUNT_LOW, "USER_PIN_COUNT_LOW"],
  [K.CKF_USER_PIN_FINAL_TRY, "USER_PIN_FINAL_TRY"],
  [K.CKF_USER_PIN_LOCKED, "USER_PIN_LOCKED"],
];

const out = (line: string) => process.stdout.write(`${line}\n`);

function flagNames(flags: number): string {
  const names = TOKEN_FLAGS.filter(([bit]) => (flags & bit) !== 0).map(([, name]) => name);
  return `0x${flags.toString(16)} ${names.join(" ")}`.trim();
}

function keyUsage(certificate: x509.X509Certificate): string {
  const extension = certificate.getExtension(x509.KeyUsagesExtension);
  if (!extension) return "(none)";
  const names = Object.entries(x509.KeyUsageFlags)
    .filter(([, bit]) => typeof bit === "number" && (extension.usages & bit) !== 0)
    .map(([name]) => name);
  return names.join(", ");
}

function printCertificates(api: Pkcs11Api, slot: Handle): void {
  const session = api.C_OpenSession(slot, K.CKF_SERIAL_SESSION);
  try {
    const objects = api.findObjects(session, [{ type: K.CKA_CLASS, value: K.CKO_CERTIFICATE }]);
    if (objects.length === 0) out("    certificates: none readable without login");
    for (const object of objects) {
      const [value, id] = api.C_GetAttributeValue(session, object, [K.CKA_VALUE, K.CKA_ID]);
      if (!value) continue;
      const certificate = new x509.X509Certificate(Uint8Array.from(value));
      out(`    certificate id ${id?.toString("hex") || "(none)"}`);
      out(`      subject   ${certificate.subject}`);
      out(`      issuer    ${certificate.issuer}`);
      out(`      serial    ${certificate.serialNumber}`);
      out(`      valid     ${certificate.notBefore.toISOString()} … ${certificate.notAfter.toISOString()}`);
      out(`      key usage ${keyUsage(certificate)}`);
    }
  } finally {
    api.C_CloseSession(session);
  }
}

function probe(modulePath: string): void {
  const api = loadNativePkcs11(modulePath);
  api.C_Initialize();
  try {
    const info = api.C_GetInfo();
    out(`module  ${modulePath}`);
    out(
      `  ${trimPadded(info.libraryDescription)} ${info.libraryVersion} by ${trimPadded(info.manufacturerID)}`,
    );
    out(`  Cryptoki ${info.cryptokiVersion}`);
    const slots = api.C_GetSlotList(false);
    out(`slots   ${slots.length}`);
    for (const slot of slots) {
      const slotInfo = api.C_GetSlotInfo(slot);
      out(`  slot ${handleId(slot)}  ${trimPadded(slotInfo.slotDescription)}`);
      if ((slotInfo.flags & K.CKF_TOKEN_PRESENT) === 0) {
        out("    no token");
        continue;
      }
      const token = api.C_GetTokenInfo(slot);
      out(`    token "${trimPadded(token.label)}" serial ${trimPadded(token.serialNumber)}`);
      out(`      ${trimPadded(token.manufacturerID)} ${trimPadded(token.model)}`);
      out(`      flags ${flagNames(token.flags)}`);
      out(`      PIN length ${token.minPinLen}–${token.maxPinLen}`);
      if ((token.flags & K.CKF_TOKEN_INITIALIZED) !== 0) printCertificates(api, slot);
    }
  } finally {
    api.C_Finalize();
  }
}

function main(): void {
  const argv = process.argv.slice(2);
  const index = argv.indexOf("--module");
  const modulePath = index === -1 ? process.env.PKCS11_MODULE : argv[index + 1];
  if (!modulePath) throw new Error("Name the PKCS#11 module: --module <path> or PKCS11_MODULE");
  probe(modulePath);
}

try {
  main();
} catch (error) {
  // A card layer failure reads as its code (noModule, …); anything else as its message.
  const text = !isCardError(error)
    ? String(error)
    : error.failure.code === "noModule"
      ? "the PKCS#11 module could not be loaded (check the path and that it is a PKCS#11 library)"
      : error.message;
  console.error(`kiosk:probe failed — ${text}`);
  process.exitCode = 1;
}
