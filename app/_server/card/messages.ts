import "server-only";
import type { ProveCardCode, ProveCardFailure } from "@/app/_shared/contracts";
import { tokyoDateKanji } from "@/app/_shared/tokyo-time";
import type { CardFailure } from "@/kiosk/card/types";
import type { CertificateCheck } from "../certificates/check";

// Every card and certificate refusal the bidder can see, in the manual's words, in one place so
// the screens, the receipts and the tests agree on them.

const PIN_HINT =
  "PIN番号（ピン番号）は電子証明書と合わせて、認証局が発行するものです。不明な点は認証局にお問い合わせください。";

export const CARD_MESSAGES = {
  noCard: "ICカードをカードリーダーに差し込んでください。",
  cardRemoved: "ICカードが取り出されました。ICカードをカードリーダーに差し込み直してください。",
  noReader: "カードリーダーが見つかりません。係員にお知らせください。",
  pinIncorrect: "PIN番号が正しくありません。もう一度入力してください。",
  pinCountLow: "PIN番号が正しくありません。入力できる残りの回数が少なくなっています。",
  pinLocked: "ICカードがロックされています。認証局にお問い合わせください。",
  pinLength: "PIN番号は4〜16桁の数字で入力してください。",
  unsupported: "このICカードは利用できません。電子入札に対応したICカードか、係員にご確認ください。",
  fatal: "ICカードを読み取れませんでした。ICカードを差し込み直して、もう一度お試しください。",
  unreadableCertificate:
    "ICカードの電子証明書を読み取れませんでした。ICカードを差し込み直して、もう一度お試しください。",
  untrusted:
    "このICカードの電子証明書は、本システムで利用できる認証局が発行したものではありません。ICカードを発行した認証局にお問い合わせください。",
  keyUsage:
    "このICカードの電子証明書は電子入札に使用できる種類ではありません。ICカードを発行した認証局にお問い合わせください。",
  badSignature:
    "ICカードによる本人確認ができませんでした。ICカードを差し込み直して、もう一度PIN番号を入力してください。",
  nonceExpired: "PIN番号の確認に時間がかかりすぎました。もう一度PIN番号を入力してください。",
  nonceReplayed: "この確認は既に使用されたか、無効です。もう一度PIN番号を入力してください。",
  revoked:
    "このICカードの電子証明書は失効しているため、使用できません。ICカードを発行した認証局にお問い合わせください。",
  // The three below are the terminal's problem, not the bidder's: they send the bidder to staff.
  crlStale:
    "電子証明書の失効情報（CRL）の有効期限が切れているため、ICカードを確認できません。係員にお知らせください。",
  crlInvalid:
    "電子証明書の失効情報（CRL）が正しくないため、ICカードを確認できません。係員にお知らせください。",
  crlUnavailable:
    "電子証明書の失効情報（CRL）を取得できなかったため、ICカードを確認できません。しばらくしてからもう一度お試しいただくか、係員にお知らせください。",
} as const;

function failure(
  code: ProveCardCode,
  message: string,
  extra: Partial<ProveCardFailure> = {},
): ProveCardFailure {
  return { ok: false, code, message, ...extra };
}

/** The card layer's closed set of failures (kiosk/card/types.ts) as the PIN screen shows them (R30). */
export function cardFailureResult(card: CardFailure): ProveCardFailure {
  switch (card.code) {
    case "noCard":
      return failure("noCard", CARD_MESSAGES.noCard);
    case "cardRemoved":
      return failure("cardRemoved", CARD_MESSAGES.cardRemoved);
    case "noModule":
    case "noReader":
      return failure("cardError", CARD_MESSAGES.noReader);
    case "pinLength":
      return failure("pinLength", CARD_MESSAGES.pinLength);
    case "pinLocked":
      return failure("pinLocked", CARD_MESSAGES.pinLocked, { retriesLeft: 0, hints: [PIN_HINT] });
    case "pinIncorrect":
      return wrongPin(card);
    case "unsupported":
      return failure("cardError", CARD_MESSAGES.unsupported);
    case "fatal":
      return failure("cardError", CARD_MESSAGES.fatal);
  }
}

function wrongPin(card: CardFailure): ProveCardFailure {
  const pin = card.pin;
  if (pin?.locked) return cardFailureResult({ code: "pinLocked" });
  const flags = { countLow: pin?.countLow ?? false, finalTry: pin?.finalTry ?? false, hints: [PIN_HINT] };
  const left = pin?.retriesLeft ?? (pin?.finalTry ? 1 : null);
  if (left === 1) {
    return failure(
      "pinIncorrect",
      "PIN番号が正しくありません。次に間違えるとICカードがロックされます（残り1回）。",
      { ...flags, finalTry: true, retriesLeft: 1 },
    );
  }
  if (left !== null) {
    return failure(
      "pinIncorrect",
      `PIN番号が正しくありません。残り ${left} 回間違えるとICカードがロックされます。`,
      {
        ...flags,
        retriesLeft: left,
      },
    );
  }
  return failure(
    "pinIncorrect",
    flags.countLow ? CARD_MESSAGES.pinCountLow : CARD_MESSAGES.pinIncorrect,
    flags,
  );
}

export type CertificateRefusal =
  | { code: "expired"; notAfter: Date }
  | { code: "notYetValid"; notBefore: Date }
  | { code: "untrusted" | "keyUsage" | "badSignature" | "nonceExpired" | "nonceReplayed" | "unreadable" }
  | { code: "revoked" | "crlStale" | "crlInvalid" | "crlUnavailable" };

/** Refusals of the server's own checks on the card's proof (R18). */
export function proofFailure(refusal: CertificateRefusal): ProveCardFailure {
  switch (refusal.code) {
    case "expired":
      return failure(
        "expired",
        `有効期限が切れたICカードは使用できません（有効期限：${tokyoDateKanji(refusal.notAfter)}）。新しいICカードを取得してから登録してください。`,
      );
    case "notYetValid":
      return failure(
        "notYetValid",
        `このICカードの電子証明書はまだ有効期間が始まっていません（${tokyoDateKanji(refusal.notBefore)}から有効）。有効期間が始まってから操作してください。`,
      );
    case "untrusted":
      return failure("untrusted", CARD_MESSAGES.untrusted);
    case "keyUsage":
      return failure("untrusted", CARD_MESSAGES.keyUsage);
    case "badSignature":
      return failure("badSignature", CARD_MESSAGES.badSignature);
    case "nonceExpired":
      return failure("nonceExpired", CARD_MESSAGES.nonceExpired);
    case "nonceReplayed":
      return failure("nonceReplayed", CARD_MESSAGES.nonceReplayed);
    case "unreadable":
      return failure("cardError", CARD_MESSAGES.unreadableCertificate);
    case "revoked":
      return failure("revoked", CARD_MESSAGES.revoked);
    case "crlStale":
      return failure("crlStale", CARD_MESSAGES.crlStale);
    case "crlInvalid":
      return failure("crlInvalid", CARD_MESSAGES.crlInvalid);
    case "crlUnavailable":
      return failure("crlUnavailable", CARD_MESSAGES.crlUnavailable);
  }
}

/** R18: from this many days left on, the bidder is warned (not refused). */
export const EXPIRY_WARNING_DAYS = 30;

/** R18: shown (not refused) when the card has less than 30 days left. */
export function expiryWarning(notAfter: Date, daysLeft: number): string {
  if (daysLeft <= 0) {
    return `このICカードの有効期限は本日（${tokyoDateKanji(notAfter)}）までです。お早めに新しいICカードの取得をご検討ください。`;
  }
  return `このICカードの有効期限は残り${daysLeft}日です（${tokyoDateKanji(notAfter)}まで）。お早めに新しいICカードの取得をご検討ください。`;
}

/** The card's R18 warnings: the expiry one when under EXPIRY_WARNING_DAYS are left, else none. */
export function expiryWarnings(card: { notAfter: string; daysLeft: number }): string[] {
  return card.daysLeft < EXPIRY_WARNING_DAYS ? [expiryWarning(new Date(card.notAfter), card.daysLeft)] : [];
}

/** A failed R18 check in the bidder's words, dated from the card's own validity. */
export function certificateFailure(
  reason: Exclude<CertificateCheck, { ok: true }>["reason"],
  card: { notBefore: string; notAfter: string },
): ProveCardFailure {
  if (reason === "expired") return proofFailure({ code: "expired", notAfter: new Date(card.notAfter) });
  if (reason === "notYetValid")
    return proofFailure({ code: "notYetValid", notBefore: new Date(card.notBefore) });
  return proofFailure({ code: reason });
}
