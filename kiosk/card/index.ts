// The terminal's one card reader. Next's dev server re-evaluates modules on every change, so the
// instance lives on globalThis: a second instance would lose the inserted card and its listeners.
// Each driver is imported when the reader is first asked for, not with this file: a server
// without a reader (CARD_DRIVER=none) loads no card code, least of all pkcs11js, a native addon.
import { CARD_DRIVERS, kioskConfig } from "../config";
import { NO_CARD_READER } from "./none";
import type { SimulatedCardReader } from "./simulated";
import type { CardReader } from "./types";

export type { CardReader } from "./types";
export type { SimulatedCardReader } from "./simulated";
export { CardError, isCardError } from "./types";
export { inCardTurn } from "./turns";
export { CARD_DRIVERS };

const globalForCard = globalThis as unknown as { kioskCardReader?: CardReader | Promise<CardReader> };

export async function createCardReader(config = kioskConfig()): Promise<CardReader> {
  switch (config.cardDriver) {
    case "simulated": {
      const { SimulatedCardReader } = await import("./simulated");
      return new SimulatedCardReader({ pkiDir: config.pkiDir, stateFile: config.simCardStateFile });
    }
    case "pkcs11": {
      // kioskConfig() already refused a pkcs11 driver without a module; this keeps the type honest
      if (!config.pkcs11Module) throw new Error("PKCS11_MODULE is required with CARD_DRIVER=pkcs11");
      const [{ Pkcs11CardReader }, { loadNativePkcs11 }] = await Promise.all([
        import("./pkcs11/reader"),
        import("./pkcs11/native"),
      ]);
      return new Pkcs11CardReader({
        modulePath: config.pkcs11Module,
        tokenLabel: config.pkcs11SlotLabel,
        rescan: config.pkcs11Rescan,
        load: loadNativePkcs11,
      });
    }
    case "none":
      return NO_CARD_READER;
    default:
      throw new Error(
        `CARD_DRIVER="${String(config.cardDriver)}" is not a card driver this kiosk has; use one of: ${CARD_DRIVERS.join(", ")}`,
      );
  }
}

export async function getCardReader(): Promise<CardReader> {
  // the promise is kept until it settles, so two first callers share one reader
  globalForCard.kioskCardReader ??= createCardReader().then(
    (reader) => (globalForCard.kioskCardReader = reader),
    (error: unknown) => {
      delete globalForCard.kioskCardReader;
      throw error;
    },
  );
  return globalForCard.kioskCardReader;
}

/** The operator panel's handle on the virtual cards, or null when another driver runs. */
export async function getSimulatedCardReader(): Promise<SimulatedCardReader | null> {
  // by driver name, not instanceof: the reader on globalThis may come from another server chunk
  const reader = await getCardReader();
  return reader.driver === "simulated" ? (reader as SimulatedCardReader) : null;
}

/** Tests swap the environment between cases. */
export function resetCardReaderForTests(): void {
  delete globalForCard.kioskCardReader;
}
