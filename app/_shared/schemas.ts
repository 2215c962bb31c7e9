// Input rules shared by the screens (instant feedback) and the server (authority), with the
// Japanese messages shown at the field. Every typed text goes through the text policy first
// (textField: app/_shared/text-policy.ts, issue 12 item 2).
import { KINDS } from "./kinds";
import { textField } from "./text-field";
import { z } from "./zod";

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;
/** NFKC leaves these dashes alone; postal codes and phone numbers are typed with all of them. */
const DASHES = /[\u2010-\u2015\u2212\u30FC\uFF0D\uFE63\u2043]/g;

export function normalizeDigits(value: string): string {
  return value.normalize("NFKC").replace(DASHES, "-").replace(/\s+/g, "");
}

/** 商号又は名称 comparison form (R10): NFKC, trimmed, inner spaces removed. */
export function normalizeName(value: string): string {
  return value.normalize("NFKC").replace(/\s+/g, "").trim();
}

export const userIdSchema = textField("ユーザID")
  .refine((v) => !FULL_WIDTH.test(v), "ユーザIDは半角数字で入力してください（全角文字は使えません）。")
  .refine((v) => /^[0-9]{10}$/.test(v), "ユーザIDは半角数字10桁で入力してください。");

export const passwordSchema = textField("パスワード", { keepAsTyped: true })
  .refine((v) => !FULL_WIDTH.test(v), "パスワードは半角英数字で入力してください（全角文字は使えません）。")
  .refine((v) => /^[A-Za-z0-9]{8}$/.test(v), "パスワードは半角英数字8文字で入力してください。");

export const searchSchema = z.object({
  officialName: textField("商号又は名称", { max: 100 }),
  userId: userIdSchema,
  password: passwordSchema,
});
export type SearchInput = z.infer<typeof searchSchema>;

const postalCode = textField("郵便番号", { required: false })
  .transform(normalizeDigits)
  .refine((v) => /^\d{3}-?\d{4}$/.test(v), "郵便番号は 123-4567 の形で入力してください。")
  .transform((v) => (v.includes("-") ? v : `${v.slice(0, 3)}-${v.slice(3)}`));

const phone = (label: string, required: boolean) =>
  textField(label, { required: false })
    .transform(normalizeDigits)
    .refine(
      (v) =>
        v === "" ? !required : /^0\d{1,4}-?\d{1,4}-?\d{3,4}$/.test(v) && v.replace(/-/g, "").length <= 11,
      required
        ? `${label}を 048-000-0000 の形で入力してください。`
        : `${label}は 048-000-0000 の形で入力してください。`,
    );

const text = (label: string, max: number) => textField(label, { max });

// z.email() refuses old carrier addresses such as taro..yamada@docomo.ne.jp that bidders still
// use; the HTML5 rule accepts them and is what the browser itself checks.
const email = textField("メールアドレス", { max: 254, maxMessage: "メールアドレスが長すぎます。" }).refine(
  (v) => z.regexes.html5Email.test(v),
  "メールアドレスの形式が正しくありません。",
);

export const contactSchema = z
  .object({
    contactName: text("連絡先名称(部署名等)", 60),
    postalCode,
    address: text("住所", 120),
    personName: text("氏名", 40),
    phone: phone("電話番号", true),
    fax: phone("FAX番号", false),
    email,
    emailConfirm: textField("確認用のメールアドレス", { required: false }),
  })
  .superRefine((v, ctx) => {
    if (v.emailConfirm !== v.email) {
      ctx.addIssue({
        code: "custom",
        path: ["emailConfirm"],
        message: "確認用のメールアドレスが一致しません。もう一度入力してください。",
      });
    }
  });
export type ContactInput = z.input<typeof contactSchema>;
export type Contact = Omit<z.output<typeof contactSchema>, "emailConfirm">;

export const registrationFormSchema = z.object({
  /** null when 代表窓口情報 is already on file (R4) */
  representative: contactSchema.nullable(),
  department: contactSchema,
  holderMismatchAcknowledged: z.boolean(),
});
export type RegistrationFormInput = z.input<typeof registrationFormSchema>;

export const startSessionSchema = z.object({
  agencyCode: z.string().regex(/^\d{6}$/, "調達機関を選択してください。"),
  kind: z.enum(KINDS, { message: "業務区分を選択してください。" }),
});

export const pinSchema = z
  .string()
  .refine((v) => /^[0-9]{4,16}$/.test(v), "PIN番号は4〜16桁の数字で入力してください。");

/** zod issues → { "department.email": "…" } for the screens (first message per field). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    // an issue about the input as a whole (not an object at all) has no field: the form's
    const key = issue.path.join(".") || "form";
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/** The answer to input that fails its schema: `message` on top, each field's message at it. */
export function invalidAnswer(
  error: z.ZodError,
  message: string,
): { ok: false; code: "invalid"; message: string; fieldErrors: Record<string, string> } {
  return { ok: false, code: "invalid", message, fieldErrors: fieldErrors(error) };
}

/** 変更 (§3.2): both contact blocks editable, and whether the other agencies follow (R3, R22). */
export const changeFormSchema = z.object({
  representative: contactSchema,
  department: contactSchema,
  propagate: z.boolean({ message: "他の調達機関に反映するかどうかを選択してください。" }),
});
export type ChangeFormInput = z.input<typeof changeFormSchema>;

/** ICカード更新 (§3.3): the only choice is whether the other agencies follow (R22). */
export const renewalFormSchema = z.object({
  propagate: z.boolean({ message: "他の調達機関に反映するかどうかを選択してください。" }),
});
export type RenewalFormInput = z.input<typeof renewalFormSchema>;
