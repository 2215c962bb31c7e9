import type { Failure } from "@/app/_shared/contracts";

// The manual's wording for 「既に登録されています」 (R1), shared by the PIN step and registration.
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
