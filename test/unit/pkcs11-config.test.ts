// CARD_DRIVER=pkcs11 is validated at boot, naming the variable; and the one error mapping turns
// each CKR code the driver can meet into the closed CardFailure union.
import { describe, expect, it } from "vitest";
import { createCardReader } from "@/kiosk/card";
import * as K from "@/kiosk/card/pkcs11/constants";
import { cardFailureFrom } from "@/kiosk/card/pkcs11/errors";
import { kioskConfig } from "@/kiosk/config";
import { SOFTHSM_MODULE } from "@/kiosk/pki/softhsm";

describe("pkcs11 configuration", () => {
  it("requires PKCS11_MODULE with CARD_DRIVER=pkcs11 and names it", () => {
    expect(() => kioskConfig({ CARD_DRIVER: "pkcs11" })).toThrow(
      /PKCS11_MODULE: required with CARD_DRIVER=pkcs11/,
    );
  });

  it("refuses a PKCS11_MODULE path where there is no file", () => {
    expect(() => kioskConfig({ CARD_DRIVER: "pkcs11", PKCS11_MODULE: "/nowhere/vendor.so" })).toThrow(
      /PKCS11_MODULE: no file at \/nowhere\/vendor\.so/,
    );
  });

  it("builds the pkcs11 reader with the module and the optional token label", async () => {
    const config = kioskConfig({
      CARD_DRIVER: "pkcs11",
      PKCS11_MODULE: SOFTHSM_MODULE,
      PKCS11_SLOT_LABEL: " DEMO-A ",
    });
    expect(config).toMatchObject({ pkcs11Module: SOFTHSM_MODULE, pkcs11SlotLabel: "DEMO-A" });
    expect((await createCardReader(config)).driver).toBe("pkcs11");
  });

  it("accepts only slotList or reinitialize for PKCS11_RESCAN, naming the variable", () => {
    expect(() => kioskConfig({ PKCS11_RESCAN: "sometimes" })).toThrow(/PKCS11_RESCAN/);
    expect(kioskConfig({}).pkcs11Rescan).toBe("slotList");
  });

  it("ignores PKCS11_MODULE for the simulated driver", () => {
    expect(kioskConfig({ PKCS11_MODULE: "/nowhere/vendor.so" }).pkcs11Module).toBeNull();
  });
});

describe("cardFailureFrom", () => {
  const error = (code: number) => Object.assign(new Error("any text"), { code });
  it.each([
    ["CKR_PIN_LEN_RANGE", "pinLength"],
    ["CKR_PIN_INVALID", "pinLength"],
    ["CKR_DEVICE_REMOVED", "cardRemoved"],
    ["CKR_TOKEN_NOT_PRESENT", "cardRemoved"],
    ["CKR_SESSION_HANDLE_INVALID", "cardRemoved"],
    ["CKR_SLOT_ID_INVALID", "noReader"],
    ["CKR_MECHANISM_INVALID", "unsupported"],
    ["CKR_PIN_EXPIRED", "unsupported"],
    ["CKR_FUNCTION_CANCELED", "fatal"],
    ["CKR_GENERAL_ERROR", "fatal"],
  ] as const)("maps %s to %s", (name, expected) => {
    expect(cardFailureFrom(error(K[name])).code).toBe(expected);
  });

  it("reads the PIN flags for a wrong PIN: COUNT_LOW alone leaves the tries unknown", () => {
    expect(cardFailureFrom(error(K.CKR_PIN_INCORRECT), K.CKF_USER_PIN_COUNT_LOW)).toEqual({
      code: "pinIncorrect",
      pin: { countLow: true, finalTry: false, locked: false, retriesLeft: null },
    });
  });

  it("never looks at the message: a CKR name in the text without a code is fatal", () => {
    expect(cardFailureFrom(new Error("CKR_PIN_INCORRECT:160")).code).toBe("fatal");
  });
});
