// Issue 13 item 1: the kiosk screens check their forms with plain functions (app/_shared/form-rules.ts)
// so zod stays off the terminal; the server's zod schemas wrap the same functions. For any input the
// two must agree: the same first message at the same field, the same cleaned values when accepted.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkContacts, checkSearch, HTML5_EMAIL, isPin } from "@/app/_shared/form-rules";
import {
  changeFormSchema,
  fieldErrors,
  pinSchema,
  registrationFormSchema,
  searchSchema,
} from "@/app/_shared/schemas";
import { z } from "@/app/_shared/zod";

// values that reach each branch: empty, padded, full-width, dashes, too long, refused characters
const TEXTS = [
  "",
  " ",
  "  山田 太郎 ",
  "総務課",
  "x".repeat(60),
  "x".repeat(61),
  "𠮷".repeat(40),
  "𠮷".repeat(41),
  "埼玉\u200B建設",
  "a\nb",
  "a\uD842b",
  "外字\uE000",
  "330-0063",
  "3300063",
  "３３０ー００６３",
  "330-006",
  "048-000-0000",
  "０４８−０００−００００",
  "090-1234-56789",
  "12-3456-7890",
  "soumu@example.jp",
  "taro..yamada@docomo.ne.jp",
  "not an email",
  `${"a".repeat(250)}@example.jp`,
  "1234567890",
  "１２３４５６７８９０",
  "123456789",
  "abcd1234",
  "ａｂｃｄ１２３４",
  "abcd123",
];
const text = fc.constantFrom(...TEXTS);
// mostly strings, now and then what no screen sends but a forged request might
const value = fc.oneof(
  { weight: 9, arbitrary: text },
  { weight: 1, arbitrary: fc.constantFrom(undefined, 1) },
);
const contact = fc.record({
  contactName: value,
  postalCode: value,
  address: value,
  personName: value,
  phone: value,
  fax: value,
  email: value,
  emailConfirm: value,
});
// a contact whose fields pass, so the e-mail confirmation is reached too
const goodContact = fc.record({
  contactName: fc.constantFrom("総務課", "  工事課 "),
  postalCode: fc.constantFrom("330-0063", "3300063", "３３０ー００６３"),
  address: fc.constantFrom("埼玉県さいたま市浦和区高砂3-15-1"),
  personName: fc.constantFrom("埼玉 太郎"),
  phone: fc.constantFrom("048-000-0000", "０４８−０００−００００"),
  fax: fc.constantFrom("", "048-000-0001"),
  email: fc.constantFrom("soumu@example.jp", "taro..yamada@docomo.ne.jp"),
  emailConfirm: fc.constantFrom("soumu@example.jp", "taro..yamada@docomo.ne.jp", "other@example.jp"),
});
const anyContact = fc.oneof(contact, goodContact);

function zodAnswer(parsed: { success: boolean; data?: unknown; error?: z.ZodError }) {
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, fieldErrors: fieldErrors(parsed.error!) };
}

describe("issue 13 item 1: the screens' plain form rules answer as the server's zod schemas", () => {
  it("検索 (searchSchema): same messages per field, same values", () => {
    fc.assert(
      fc.property(fc.record({ officialName: value, userId: value, password: value }), (input) => {
        expect(checkSearch(input)).toEqual(zodAnswer(searchSchema.safeParse(input)));
      }),
      { numRuns: 400 },
    );
  });

  it("登録 form (registrationFormSchema): both blocks, or the department only when 代表窓口 is on file", () => {
    fc.assert(
      fc.property(fc.option(anyContact, { nil: null }), anyContact, (representative, department) => {
        const ours = checkContacts({ representative, department });
        const theirs = zodAnswer(
          registrationFormSchema.safeParse({ representative, department, holderMismatchAcknowledged: false }),
        );
        const value = ours.ok
          ? { ok: true, value: { ...ours.value, holderMismatchAcknowledged: false } }
          : ours;
        expect(value).toEqual(theirs);
      }),
      { numRuns: 400 },
    );
  });

  it("変更 form (changeFormSchema's contact blocks)", () => {
    fc.assert(
      fc.property(anyContact, anyContact, (representative, department) => {
        const ours = checkContacts({ representative, department });
        const theirs = zodAnswer(changeFormSchema.safeParse({ representative, department, propagate: true }));
        const value = ours.ok ? { ok: true, value: { ...ours.value, propagate: true } } : ours;
        expect(value).toEqual(theirs);
      }),
      { numRuns: 400 },
    );
  });

  it("a mismatched e-mail confirmation is refused at its field once the rest passes", () => {
    const department = {
      contactName: "総務課",
      postalCode: "3300063",
      address: "埼玉県さいたま市浦和区高砂3-15-1",
      personName: "埼玉 太郎",
      phone: "048-000-0000",
      fax: "",
      email: "soumu@example.jp",
      emailConfirm: "soumu@example.com",
    };
    expect(checkContacts({ department })).toEqual({
      ok: false,
      fieldErrors: {
        "department.emailConfirm": "確認用のメールアドレスが一致しません。もう一度入力してください。",
      },
    });
  });

  it("PIN: the keypad's rule is pinSchema's", () => {
    for (const pin of ["", "123", "1234", "1".repeat(16), "1".repeat(17), "12a4", "１２３４"]) {
      expect(isPin(pin), pin).toBe(pinSchema.safeParse(pin).success);
    }
  });

  it("the e-mail pattern is zod's html5Email, the browser's own rule", () => {
    expect(HTML5_EMAIL.source).toBe(z.regexes.html5Email.source);
  });
});
