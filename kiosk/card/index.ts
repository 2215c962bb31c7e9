// The terminal's one card reader. Next's dev server re-evaluates modules on every change, so the
// instance lives on globalThis: a second instance would lose the inserted card and its listeners.
import { kioskConfig } from "../config";
import { loadNativePkcs11 } from "./pkcs11/native";
import { Pkcs11CardReader } from "./pkcs11/reader";
import { SimulatedCardReader } from "./simulated";
import type { CardReader } from "./types";

export type { CardReader } from "./types";
export { CardError, isCardError } from "./types";
export { SimulatedCardReader, SIM_READER_ID, SIM_READER_NAME } from "./simulated";
export { Pkcs11CardReader } from "./pkcs11/reader";

const globalForCard = globalThis as unknown as { kioskCardReader?: CardReader };

export const CARD_DRIVERS = ["simulated", "pkcs11"] as const;

export function createCardReader(config = kioskConfig()): CardReader {
  switch (config.cardDriver) {
    case "simulated":
      return new SimulatedCardReader({ pkiDir: config.pkiDir, stateFile: config.simCardStateFile });
    case "pkcs11":
      // kioskConfig() already refused a pkcs11 driver without a module; this keeps the type honest
      if (!config.pkcs11Module) throw new Error("PKCS11_MODULE is required with CARD_DRIVER=pkcs11");
      return new Pkcs11CardReader({
        modulePath: config.pkcs11Module,
        tokenLabel: config.pkcs11SlotLabel,
        rescan: config.pkcs11Rescan,
        load: loadNativePkcs11,
      });
    default:
      throw new Error(
        `CARD_DRIVER="${config.cardDriver}" is not a card driver this kiosk has; use one of: ${CARD_DRIVERS.join(", ")}`,
      );
  }
}

export function getCardReader(): CardReader {
  globalForCard.kioskCardReader ??= createCardReader();
  return globalForCard.kioskCardReader;
}

/** The operator panel's handle on the virtual cards, or null when a real driver runs. */
export function getSimulatedCardReader(): SimulatedCardReader | null {
  // by driver name, not instanceof: the reader on globalThis may come from another server chunk
  const reader = getCardReader();
  return reader.driver === "simulated" ? (reader as SimulatedCardReader) : null;
}

/** Tests swap the environment between cases. */
export function resetCardReaderForTests(): void {
  delete globalForCard.kioskCardReader;
}
