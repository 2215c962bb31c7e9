// English for every kiosk screen and message, keyed by the Japanese it replaces (translate.ts), in
// parts by where the text is said. Where a bidder must match a term on paper — the manual, the
// qualification notice, the card — the manual's Japanese follows in square brackets:
// "User ID [ユーザID]".
import { COMMON } from "./en/common";
import { FLOW_MESSAGES } from "./en/flow-messages";
import { FLOWS } from "./en/flows";
import { KIOSK } from "./en/kiosk";
import { KIOSK_MESSAGES } from "./en/kiosk-messages";
import type { Catalog } from "./en/types";

export const PARTS: Readonly<Record<string, Catalog>> = {
  common: COMMON,
  kiosk: KIOSK,
  kioskMessages: KIOSK_MESSAGES,
  flows: FLOWS,
  flowMessages: FLOW_MESSAGES,
};

export const EN_MESSAGES: Readonly<Record<string, string>> = Object.assign(
  {},
  ...Object.values(PARTS).map((part) => part.messages),
);

export const EN_PATTERNS = Object.values(PARTS).flatMap((part) => part.patterns);
