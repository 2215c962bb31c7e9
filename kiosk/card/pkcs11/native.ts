// The one file that imports pkcs11js (house rule): it loads the vendor's module and adapts the
// binding to Pkcs11Api. Default import — `import * as` leaves the constants undefined (STACK.md).
import pkcs11js from "pkcs11js";
import { CardError } from "../types";
import type { Pkcs11Api } from "./api";

// Large enough for an RSA-4096 signature (512 bytes) or an ECDSA P-521 one (132 bytes).
const SIGNATURE_BUFFER_BYTES = 1024;

function version(v: { major: number; minor: number }): string {
  return `${v.major}.${v.minor}`;
}

export function loadNativePkcs11(modulePath: string): Pkcs11Api {
  const lib = new pkcs11js.PKCS11();
  try {
    lib.load(modulePath);
  } catch {
    // A missing or foreign library is not a PKCS#11 return code: it is "no module".
    throw new CardError({ code: "noModule" });
  }
  return {
    C_Initialize: () => lib.C_Initialize(),
    C_Finalize: () => {
      lib.C_Finalize();
      lib.close();
    },
    C_GetInfo: () => {
      const info = lib.C_GetInfo();
      return {
        cryptokiVersion: version(info.cryptokiVersion),
        manufacturerID: info.manufacturerID,
        libraryDescription: info.libraryDescription,
        libraryVersion: version(info.libraryVersion),
      };
    },
    C_GetSlotList: (tokenPresent) => lib.C_GetSlotList(tokenPresent),
    C_GetSlotInfo: (slot) => {
      const info = lib.C_GetSlotInfo(slot);
      return {
        slotDescription: info.slotDescription,
        manufacturerID: info.manufacturerID,
        flags: info.flags,
      };
    },
    C_GetTokenInfo: (slot) => {
      const info = lib.C_GetTokenInfo(slot);
      return {
        label: info.label,
        manufacturerID: info.manufacturerID,
        model: info.model,
        serialNumber: info.serialNumber,
        flags: Number(info.flags),
        minPinLen: Number(info.minPinLen),
        maxPinLen: Number(info.maxPinLen),
      };
    },
    C_OpenSession: (slot, flags) => lib.C_OpenSession(slot, flags),
    C_CloseSession: (session) => lib.C_CloseSession(session),
    C_Login: (session, userType, pin) => lib.C_Login(session, userType, pin),
    C_Logout: (session) => lib.C_Logout(session),
    findObjects: (session, template) => {
      lib.C_FindObjectsInit(session, template);
      try {
        return lib.C_FindObjects(session, 64);
      } finally {
        lib.C_FindObjectsFinal(session);
      }
    },
    C_GetAttributeValue: (session, object, types) =>
      lib
        .C_GetAttributeValue(
          session,
          object,
          types.map((type) => ({ type })),
        )
        .map((attribute) => attribute.value),
    C_SignInit: (session, mechanism, key) => lib.C_SignInit(session, { mechanism }, key),
    C_Sign: (session, data) => lib.C_Sign(session, data, Buffer.alloc(SIGNATURE_BUFFER_BYTES)),
    C_WaitForSlotEvent: (flags) => lib.C_WaitForSlotEvent(flags),
  };
}
