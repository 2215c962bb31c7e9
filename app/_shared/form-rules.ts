// The kiosk forms' input rules as plain functions, the one place they are written: the screens run
// them for instant feedback without shipping zod to the terminal (issue 13 item 1: zod was most of
// a 134 KB gzip chunk), and app/_shared/schemas.ts wraps the same functions in the server's zod
// schemas, which stay the authority. A field rule answers the value the server would store or the
// first message zod would put at that field (test/unit/form-rules.test.ts compares the two).
import { charLength, checkText, textProblemMessage } from "./text-policy";

export type RuleResult<T> = { ok: true; value: T } | { ok: false; message: string };
/** One field: the raw value in, the cleaned value or the field's message out. */
export type Rule<T = string> = (raw: unknown) => RuleResult<T>;

/** A form's answer: the cleaned values, or the first message per field ("department.email"). */
export type Checked<T> = { ok: true; value: T } | { ok: false; fieldErrors: Record<string, string> };

export type TextFieldOptions = {
  /** characters (code points after NFC) */
  max?: number;
  /** false: an empty text is allowed (and answered as "") */
  required?: boolean;
  /** a textarea: line breaks and tabs allowed */
  multiline?: boolean;
  /** the message for a missing or empty value (default 「{label}を入力してください。」) */
  emptyMessage?: string;
  /** the message for too long a value (default 「{label}は{max}文字以内で入力してください。」) */
  maxMessage?: string;
  /** passwords: checked, never rewritten (a stored hash compares what was typed) */
  keepAsTyped?: boolean;
};

export function emptyMessageOf(label: string, options: TextFieldOptions = {}): string {
  return options.emptyMessage ?? `${label}を入力してください。`;
}

/** A typed text: the text policy first, then trimmed, required and counted in characters. */
export function textRule(label: string, options: TextFieldOptions = {}): Rule {
  const { max, required = true, multiline = false, keepAsTyped = false } = options;
  const emptyMessage = emptyMessageOf(label, options);
  const maxMessage = options.maxMessage ?? `${label}は${max}文字以内で入力してください。`;
  return (raw) => {
    if (typeof raw !== "string") return { ok: false, message: emptyMessage };
    const checked = checkText(raw, { multiline });
    if (!checked.ok) return { ok: false, message: textProblemMessage(label, checked.problem) };
    const value = keepAsTyped ? raw : checked.value.trim();
    if (required && !value.trim()) return { ok: false, message: emptyMessage };
    if (max !== undefined && charLength(value) > max) return { ok: false, message: maxMessage };
    return { ok: true, value };
  };
}

/** `rule`, then each step in turn: a check (message when it fails) or a rewrite of the value. */
function then(rule: Rule, ...steps: ((value: string) => string | { refused: string } | null)[]): Rule {
  return (raw) => {
    const first = rule(raw);
    if (!first.ok) return first;
    let value = first.value;
    for (const step of steps) {
      const out = step(value);
      if (out === null) continue;
      if (typeof out === "object") return { ok: false, message: out.refused };
      value = out;
    }
    return { ok: true, value };
  };
}
const check = (test: (v: string) => boolean, message: string) => (v: string) =>
  test(v) ? null : { refused: message };

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;
/** NFKC leaves these dashes alone; postal codes and phone numbers are typed with all of them. */
const DASHES = /[\u2010-\u2015\u2212\u30FC\uFF0D\uFE63\u2043]/g;
/** The HTML5 rule the browser itself checks (zod's regexes.html5Email; a unit test keeps them equal). */
export const HTML5_EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

export function normalizeDigits(value: string): string {
  return value.normalize("NFKC").replace(DASHES, "-").replace(/\s+/g, "");
}

/** 商号又は名称 comparison form (R10): NFKC, trimmed, inner spaces removed. */
export function normalizeName(value: string): string {
  return value.normalize("NFKC").replace(/\s+/g, "").trim();
}

export const userIdRule = then(
  textRule("ユーザID"),
  check((v) => !FULL_WIDTH.test(v), "ユーザIDは半角数字で入力してください（全角文字は使えません）。"),
  check((v) => /^[0-9]{10}$/.test(v), "ユーザIDは半角数字10桁で入力してください。"),
);

export const passwordRule = then(
  textRule("パスワード", { keepAsTyped: true }),
  check((v) => !FULL_WIDTH.test(v), "パスワードは半角英数字で入力してください（全角文字は使えません）。"),
  check((v) => /^[A-Za-z0-9]{8}$/.test(v), "パスワードは半角英数字8文字で入力してください。"),
);

const postalCodeRule = then(
  textRule("郵便番号", { required: false }),
  normalizeDigits,
  check((v) => /^\d{3}-?\d{4}$/.test(v), "郵便番号は 123-4567 の形で入力してください。"),
  (v) => (v.includes("-") ? v : `${v.slice(0, 3)}-${v.slice(3)}`),
);

const phoneRule = (label: string, required: boolean) =>
  then(
    textRule(label, { required: false }),
    normalizeDigits,
    check(
      (v) =>
        v === "" ? !required : /^0\d{1,4}-?\d{1,4}-?\d{3,4}$/.test(v) && v.replace(/-/g, "").length <= 11,
      required
        ? `${label}を 048-000-0000 の形で入力してください。`
        : `${label}は 048-000-0000 の形で入力してください。`,
    ),
  );

// z.email() refuses old carrier addresses such as taro..yamada@docomo.ne.jp that bidders still
// use; the HTML5 rule accepts them and is what the browser itself checks.
const emailRule = then(
  textRule("メールアドレス", { max: 254, maxMessage: "メールアドレスが長すぎます。" }),
  check((v) => HTML5_EMAIL.test(v), "メールアドレスの形式が正しくありません。"),
);

/** 連絡先 fields in the order the form shows them (and zod reports them). */
export const CONTACT_RULES = {
  contactName: textRule("連絡先名称(部署名等)", { max: 60 }),
  postalCode: postalCodeRule,
  address: textRule("住所", { max: 120 }),
  personName: textRule("氏名", { max: 40 }),
  phone: phoneRule("電話番号", true),
  fax: phoneRule("FAX番号", false),
  email: emailRule,
  emailConfirm: textRule("確認用のメールアドレス", { required: false }),
};
export const EMAIL_MISMATCH = "確認用のメールアドレスが一致しません。もう一度入力してください。";

export const SEARCH_RULES = {
  officialName: textRule("商号又は名称", { max: 100 }),
  userId: userIdRule,
  password: passwordRule,
};

export const PIN_MESSAGE = "PIN番号は4〜16桁の数字で入力してください。";
export const isPin = (v: string): boolean => /^[0-9]{4,16}$/.test(v);

type Values<R> = { [K in keyof R]: R[K] extends Rule<infer T> ? T : never };

/** Every field of `rules` over `input`; messages land in `errors` under `prefix`. */
function checkFields<R extends Record<string, Rule>>(
  rules: R,
  input: Record<string, unknown>,
  prefix: string,
  errors: Record<string, string>,
): Values<R> {
  const out: Record<string, unknown> = {};
  for (const [key, rule] of Object.entries(rules)) {
    const result = rule(input[key]);
    if (result.ok) out[key] = result.value;
    else errors[`${prefix}${key}`] ??= result.message;
  }
  return out as Values<R>;
}

export type ContactValues = Values<typeof CONTACT_RULES>;

/** One 連絡先 block; the e-mail confirmation is compared only once every field passed (as zod does). */
function checkContactInto(input: Record<string, unknown>, prefix: string, errors: Record<string, string>) {
  const before = Object.keys(errors).length;
  const value = checkFields(CONTACT_RULES, input, prefix, errors);
  if (Object.keys(errors).length === before && value.emailConfirm !== value.email) {
    errors[`${prefix}emailConfirm`] = EMAIL_MISMATCH;
  }
  return value;
}

function answer<T>(value: T, errors: Record<string, string>): Checked<T> {
  return Object.keys(errors).length === 0 ? { ok: true, value } : { ok: false, fieldErrors: errors };
}

export function checkSearch(input: Record<string, unknown>): Checked<Values<typeof SEARCH_RULES>> {
  const errors: Record<string, string> = {};
  return answer(checkFields(SEARCH_RULES, input, "", errors), errors);
}

/** The 連絡先 blocks of a form; `representative: null` when 代表窓口情報 is on file (R4, 登録 only). */
export function checkContacts<K extends string>(
  blocks: Record<K, Record<string, unknown> | null>,
): Checked<Record<K, ContactValues | null>> {
  const errors: Record<string, string> = {};
  const value = {} as Record<K, ContactValues | null>;
  for (const [name, block] of Object.entries(blocks) as [K, Record<string, unknown> | null][]) {
    value[name] = block === null ? null : checkContactInto(block, `${name}.`, errors);
  }
  return answer(value, errors);
}
