import "server-only";
import type { CardPurposeCode, Failure, NotActiveCode } from "@/app/_shared/contracts";
import { tokyoDateKanji } from "@/app/_shared/tokyo-time";

// What a card's purpose refuses, in the manual's words: 登録's 「既に登録されています」 (R1), and the
// refusals of 変更 and ICカード更新 (R2, R12, R13), each with the way forward the manual gives —
// most of them end in 「登録」, which the screens offer as a button. The pre-flight, the PIN step and
// the submit answer with the same functions.

export const ALREADY_REGISTERED_MESSAGE = "既に登録されています。";
export const ALREADY_REGISTERED_HINTS = [
  "挿入されているICカードの利用者は既に登録されています。",
  "1枚のICカードは、1つのユーザIDのみ利用者登録できます。このICカードは既に登録されているため、このメッセージが表示されます。",
  "ユーザIDが新しくなった場合（契約権限の移譲等）は、改めて電子証明書を購入し、その電子証明書で新しいユーザIDに利用者登録してください。",
];

export function alreadyRegistered(): Failure<"alreadyRegistered"> {
  return {
    ok: false,
    code: "alreadyRegistered",
    message: ALREADY_REGISTERED_MESSAGE,
    hints: ALREADY_REGISTERED_HINTS,
  };
}

export type CardPurposeFailure = Failure<CardPurposeCode>;

const USE_REGISTER =
  "ICカードの有効期限が切れている場合、認証局が異なる場合は「登録」ボタンで登録してください。";

export const NOT_REGISTERED_MESSAGE = "このICカードは、この業務区分で利用者登録されていません。";

export function notRegistered(): Failure<NotActiveCode> {
  return {
    ok: false,
    code: "notRegistered",
    message: NOT_REGISTERED_MESSAGE,
    hints: [
      "変更・ICカード更新は、選択した調達機関・業務区分で利用者登録されているICカードで行います。調達機関と、工事・物品の選択をご確認ください。",
      "新規取得したICカードや、ユーザIDが新しくなった場合は「登録」から利用者登録してください。",
      "同一のICカードで工事と物品に登録されている場合は、それぞれ操作する必要があります。",
    ],
  };
}

export const REPLACED_CARD_MESSAGE =
  "このICカードは更新により無効になりました。新しいICカードをお使いください。";

/**
 * R12: the card was moved to a new one by ICカード更新; only the new card works now. Its own code,
 * so no screen offers 登録 with it (R1 would refuse it there as well).
 */
export function replacedCard(): Failure<NotActiveCode> {
  return {
    ok: false,
    code: "replacedCard",
    message: REPLACED_CARD_MESSAGE,
    hints: [
      "『ICカード更新』を行うと、旧ICカードは使用できなくなります。",
      "1枚のICカードは、1つのユーザIDのみ利用者登録できます。このICカードを「登録」し直すことはできません。",
    ],
  };
}

/**
 * R15: the card's user ID has lapsed (失効). The manual's most expensive mistake is 更新 here: the
 * registration would stay on the lapsed ID and the new card would not work either.
 */
export function lapsedUserId(successorUserId: string | null): Failure<NotActiveCode> {
  return {
    ok: false,
    code: "lapsedUserId",
    message:
      "このICカードが登録されているユーザIDの競争入札参加資格は失効しているため、変更・ICカード更新はできません。",
    hints: [
      "契約権限の移譲、会社の合併、入札参加資格の失効等で業者番号（ユーザID）が新しいものになった場合は、『ICカード更新』ではなく、『登録』より新しい業者番号（ユーザID）を使用して登録の操作を行ってください。",
      // R1: the card in hand stays with the lapsed ID; 登録 with it would only say 既に登録されています
      "1枚のICカードは、1つのユーザIDのみ登録できます。このICカードは失効したユーザIDに登録されているため、新しいユーザIDには登録できません。新しいユーザIDには、まだ利用者登録していないICカード（新しく取得したICカード）で「登録」してください。",
      ...(successorUserId ? [`新しいユーザID: ${successorUserId}`] : []),
    ],
  };
}

export function oldCardExpired(notAfter: Date): CardPurposeFailure {
  return {
    ok: false,
    code: "oldCardExpired",
    message: `現在使用しているICカードの有効期限が切れているため（有効期限：${tokyoDateKanji(notAfter)}）、ICカード更新はできません。新しいICカードを「登録」から登録してください。`,
    hints: [
      USE_REGISTER,
      "[ICカード更新]は、保有しているICカードの有効期限満了に備えて、事前に新しいICカードを取得し、利用者情報を引き継ぐ操作です。",
    ],
  };
}

export function sameCard(): CardPurposeFailure {
  return {
    ok: false,
    code: "sameCard",
    message:
      "現在使用しているICカードが差し込まれています。現在使用しているICカードを取り出し、新しく取得したICカードを差し込んでください。",
  };
}

export function issuerDiffers(): CardPurposeFailure {
  return {
    ok: false,
    code: "issuerDiffers",
    message:
      "新しいICカードの認証局（証明書発行者）が現在使用しているICカードと異なるため、ICカード更新はできません。新しいICカードを「登録」から登録してください。",
    hints: [USE_REGISTER],
  };
}

export function companyDiffers(): CardPurposeFailure {
  return {
    ok: false,
    code: "companyDiffers",
    message:
      "新しいICカードのICカード企業名称が現在使用しているICカードと異なるため、ICカード更新はできません。",
    hints: [
      "新規に使用するICカードの企業名称とICカード企業名称が御社の企業名称であることを確認してください。",
      "企業情報が変更になりICカードを取得し直した場合は、「登録」ボタンで登録してください。",
    ],
  };
}

/** R13: the new card is registered already (to this or another user ID); 更新 cannot move onto it. */
export function newCardAlreadyRegistered(): Failure<"alreadyRegistered"> {
  return {
    ok: false,
    code: "alreadyRegistered",
    message: ALREADY_REGISTERED_MESSAGE,
    hints: [
      "新しく差し込まれたICカードは、既に利用者登録されています。既に登録されているICカードへはICカード更新できません。",
      "このICカードが同じユーザIDに登録済みの場合は、そのままご利用いただけます。",
    ],
  };
}
