import "server-only";
import { kioskConfig } from "@/kiosk/config";
import { config } from "../config";

/**
 * The kiosk terminal this server runs on, or null on a server without a card reader
 * (CARD_DRIVER=none, e.g. the console's desk PC): it shows no kiosk, so nobody there can call
 * staff or report a screen, and a request that claims to is refused.
 */
export function kioskTerminalId(): string | null {
  return kioskConfig().cardDriver === "none" ? null : config().TERMINAL_ID;
}

export const NOT_A_TERMINAL_MESSAGE = "この端末からは係員を呼び出せません。お近くの係員にお声がけください。";
