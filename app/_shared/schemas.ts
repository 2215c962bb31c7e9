// The server's input schemas (the authority), with the Japanese messages shown at the field. The
// kiosk forms' rules are plain functions in ./form-rules, which the screens run without zod (issue
// 13 item 1); here they are wrapped as zod fields. Every typed text goes through the text policy
// first (textField: app/_shared/text-policy.ts, issue 12 item 2).
import {
  CONTACT_RULES,
  EMAIL_MISMATCH,
  emptyMessageOf,
  isPin,
  PIN_MESSAGE,
  SEARCH_RULES,
  type Rule,
} from "./form-rules";
import { KINDS } from "./kinds";
import { ruleSchema, textField } from "./text-field";
import { z } from "./zod";

export { normalizeDigits, normalizeName } from "./form-rules";

/** Each rule of `rules` as a zod field (a missing value answers the label's empty message). */
function fields<K extends string>(rules: Record<K, Rule>, labels: Record<K, string>) {
  return Object.fromEntries(
    (Object.keys(rules) as K[]).map((key) => [key, ruleSchema(rules[key], emptyMessageOf(labels[key]))]),
  ) as Record<K, ReturnType<typeof ruleSchema>>;
}

export const userIdSchema = ruleSchema(SEARCH_RULES.userId, emptyMessageOf("ユーザID"));
export const passwordSchema = ruleSchema(SEARCH_RULES.password, emptyMessageOf("パスワード"));

export const searchSchema = z.object({
  officialName: textField("商号又は名称", { max: 100 }),
  userId: userIdSchema,
  password: passwordSchema,
});
export type SearchInput = z.infer<typeof searchSchema>;

const CONTACT_LABELS = {
  contactName: "連絡先名称(部署名等)",
  postalCode: "郵便番号",
  address: "住所",
  personName: "氏名",
  phone: "電話番号",
  fax: "FAX番号",
  email: "メールアドレス",
  emailConfirm: "確認用のメールアドレス",
};

export const contactSchema = z.object(fields(CONTACT_RULES, CONTACT_LABELS)).superRefine((v, ctx) => {
  if (v.emailConfirm !== v.email) {
    ctx.addIssue({ code: "custom", path: ["emailConfirm"], message: EMAIL_MISMATCH });
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

export const pinSchema = z.string().refine(isPin, PIN_MESSAGE);

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
