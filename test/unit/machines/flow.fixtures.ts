// Data for the 変更 and ICカード更新 machine tests: what the server answers once the cards are proven.
import type { CardView, ContactView, PinStepFailure } from "@/app/_shared/contracts";
import type { ChangeFormValues, ChangeView, RenewalView, Submitted } from "@/machines";
import { card, searchOk } from "./fixtures";

const company = (() => {
  const found = searchOk();
  if (!found.ok) throw new Error("searchOk() always matches");
  return found.company;
})();

const department: ContactView = {
  contactName: "工事部",
  postalCode: "330-0063",
  address: "埼玉県さいたま市浦和区高砂3-15-1",
  personName: "浦和 花子",
  phone: "048-000-0002",
  fax: "",
  email: "kouji@example.jp",
};

export const agencies = [
  { name: "埼玉県", current: true },
  { name: "さいたま市", current: false },
];

export const changeView: ChangeView = {
  userId: "1000000001",
  company,
  representative: { ...department, contactName: "総務部", email: "soumu@example.jp" },
  department,
  card,
  agencies,
};

export const changeValues: ChangeFormValues = {
  representative: { ...changeView.representative, emailConfirm: changeView.representative.email },
  department: { ...department, personName: "大宮 次郎", emailConfirm: department.email },
};

/** The card that takes over: same CA and company, another serial. */
export const newCard: CardView = {
  ...card,
  serialHex: "3c4d",
  serialDecimal: "15437",
  notBefore: "2027-06-01T00:00:00.000Z",
  notAfter: "2029-06-01T00:00:00.000Z",
  fingerprint: "cd".repeat(32),
  daysLeft: 1000,
};

export const renewalView: RenewalView = { userId: "1000000001", company, old: card, new: newCard, agencies };

export const changed: { ok: true } & Submitted = {
  ok: true,
  receiptNumber: "C-0001",
  emailTo: "kouji@example.jp",
  propagatesTo: ["さいたま市"],
};

export const renewed: { ok: true } & Submitted = {
  ok: true,
  receiptNumber: "U-0001",
  emailTo: "kouji@example.jp",
  propagatesTo: [],
};

/** A refusal the server answers at a PIN step (R2, R13), with its own message. */
export function refusal(code: PinStepFailure["code"], message: string): PinStepFailure {
  // split by member: TypeScript stops matching one object against a union of codes this wide
  return code === "pinCapped" ? { ok: false, code, message } : { ok: false, code, message };
}

export const notRegistered = refusal(
  "notRegistered",
  "このICカードは、この業務区分で利用者登録されていません。",
);
export const oldCardExpired = refusal(
  "oldCardExpired",
  "現在使用しているICカードの有効期限が切れています。登録ボタンで登録してください。",
);
export const replacedCard = refusal(
  "replacedCard",
  "このICカードは更新により無効になりました。新しいICカードをお使いください。",
);
export const lapsedUserId = refusal(
  "lapsedUserId",
  "このICカードが登録されているユーザIDの競争入札参加資格は失効しているため、変更・ICカード更新はできません。",
);
export const companyDiffers = refusal(
  "companyDiffers",
  "新しいICカードの企業名称が、現在使用しているICカードと異なります。",
);
