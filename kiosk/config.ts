// The terminal's own settings. kiosk/ never imports app/, so it reads its variables here and
// fails naming the variable that is wrong.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

/** simulated: the demo's virtual cards; pkcs11: real readers; none: no reader (console-only server). */
export const CARD_DRIVERS = ["simulated", "pkcs11", "none"] as const;
export type CardDriver = (typeof CARD_DRIVERS)[number];

const schema = z.object({
  /** Which CardReader drives the terminal. */
  CARD_DRIVER: z
    .string()
    .trim()
    .default("simulated")
    .refine((v): v is CardDriver => (CARD_DRIVERS as readonly string[]).includes(v), {
      error: (issue) =>
        `"${String(issue.input)}" is not a card driver this kiosk has; use one of: ${CARD_DRIVERS.join(", ")}`,
    }),
  /** The demo PKI: CA certificates, virtual cards (keys, certificates, PIN hashes). */
  KIOSK_PKI_DIR: z.string().min(1).default(".data/pki"),
  /** Where the simulated cards keep their PIN try counters across removal and restarts. */
  KIOSK_SIMCARD_STATE: z.string().min(1).default(".data/simcard-state.json"),
  /** The card vendor's PKCS#11 library (a .so); required with CARD_DRIVER=pkcs11. */
  PKCS11_MODULE: z.string().optional(),
  /** Only tokens with this label count as cards (a module that also shows other tokens). */
  PKCS11_SLOT_LABEL: z.string().optional(),
  /** "reinitialize" for a module that shows new cards only after C_Initialize (SoftHSM2). */
  PKCS11_RESCAN: z.enum(["slotList", "reinitialize"]).default("slotList"),
});

export type KioskConfig = {
  cardDriver: CardDriver;
  pkiDir: string;
  simCardStateFile: string;
  /** absolute; null unless CARD_DRIVER=pkcs11 */
  pkcs11Module: string | null;
  pkcs11SlotLabel: string | null;
  pkcs11Rescan: "slotList" | "reinitialize";
};

function fail(lines: string[]): never {
  throw new Error(`Invalid kiosk terminal configuration:\n${lines.join("\n")}`);
}

export function kioskConfig(env: Record<string, string | undefined> = process.env): KioskConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) fail(parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`));
  const data = parsed.data;
  let pkcs11Module: string | null = null;
  if (data.CARD_DRIVER === "pkcs11") {
    const given = data.PKCS11_MODULE?.trim();
    if (!given) fail(["  PKCS11_MODULE: required with CARD_DRIVER=pkcs11 (the card vendor's PKCS#11 .so)"]);
    pkcs11Module = path.resolve(given);
    // Checked at boot so a wrong path is named here, not as "no reader" at the first card.
    if (!fs.existsSync(/*turbopackIgnore: true*/ pkcs11Module)) {
      fail([`  PKCS11_MODULE: no file at ${pkcs11Module}`]);
    }
  }
  return {
    cardDriver: data.CARD_DRIVER,
    pkiDir: path.resolve(data.KIOSK_PKI_DIR),
    simCardStateFile: path.resolve(data.KIOSK_SIMCARD_STATE),
    pkcs11Module,
    pkcs11SlotLabel: data.PKCS11_SLOT_LABEL?.trim() || null,
    pkcs11Rescan: data.PKCS11_RESCAN,
  };
}
