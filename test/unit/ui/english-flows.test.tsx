// The English of the 登録, 変更 and ICカード更新 screens (issue 11 item 7): every message those
// screens show — their own and the server's — has English, the English keeps Japanese only as the
// manual's term in [brackets], and the screens drawn in English mode read in English.
import { describe, expect, it } from "vitest";
import { KIND_LABELS, KIND_SHORT } from "@/app/_shared/kinds";
import { cardHolderRows, companyRows, contactRows } from "@/app/_shared/rows";
import { contactSchema, registrationFormSchema, searchSchema } from "@/app/_shared/schemas";
import { PIN_COUNT_LOW_WARNING, PIN_FINAL_TRY_WARNING } from "@/app/_server/card/inspect";
import * as refusals from "@/app/_server/card/refusals";
import { alreadyDone, cardRemoved } from "@/app/_server/flows/pipeline";
import { lookupPostalCode } from "@/app/_server/postal";
import { holderCheck } from "@/app/_server/qualifications/records";
import { FLOW_MESSAGES } from "@/app/_ui/i18n/en/flow-messages";
import { FLOWS } from "@/app/_ui/i18n/en/flows";

/** One value of each class the text policy refuses (issue 12 item 2). */
const REFUSED = ["a\u0000b", "a\u202Eb", "a\u200Bb", "a\uD842b", "a\r\nb"];
import { hasEnglish, translate } from "@/app/_ui/i18n/translate";
import { ChangeFormScreen } from "@/app/_ui/screens/ChangeForm";
import { ConfirmScreen } from "@/app/_ui/screens/Confirm";
import { FormScreen } from "@/app/_ui/screens/Form";
import { RefusedScreen } from "@/app/_ui/screens/Refused";
import { RenewalConfirmScreen } from "@/app/_ui/screens/RenewalConfirm";
import { CHANGE_STEPS, REGISTRATION_STEPS, RENEWAL_STEPS, type ChangeView } from "@/machines";
import { card, company, contact, renderInKiosk, searchView } from "./fixtures";

const JAPANESE = /[\u3000-\u30ff\u3400-\u9fff\uff01-\uff5e]/;
const en = (ja: string) => translate("en", ja);

/** Japanese an English reader meets outside the manual's [terms] (the browser check's rule). */
function strayJapanese(english: string): string | null {
  const outside = english.replace(/\[[^\]]*\]/g, "");
  return JAPANESE.test(outside) ? outside : null;
}

function messagesOf(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return result.success ? [] : (result.error?.issues.map((i) => i.message) ?? []);
}

describe("English for the flows' messages (issue 11 item 7)", () => {
  it("every entry of the flows' catalog keeps Japanese only inside [brackets] and keeps its {placeholders}", () => {
    const bad = Object.entries({ ...FLOWS.messages, ...FLOW_MESSAGES.messages }).filter(
      ([ja, english]) =>
        strayJapanese(english) !== null ||
        (ja.match(/\{\w+\}/g) ?? []).join() !== (english.match(/\{\w+\}/g) ?? []).join(),
    );
    expect(bad).toEqual([]);
  });

  it("has English for the refusals of 登録, 変更 and ICカード更新 (R1, R2, R12, R13, R15) and their hints", () => {
    const failures = [
      refusals.alreadyRegistered(),
      refusals.notRegistered(),
      refusals.replacedCard(),
      refusals.lapsedUserId(null),
      refusals.sameCard(),
      refusals.issuerDiffers(),
      refusals.companyDiffers(),
      refusals.newCardAlreadyRegistered(),
      cardRemoved(),
    ];
    const texts = failures.flatMap((f) => [f.message, ...(f.hints ?? [])]);
    texts.push(PIN_FINAL_TRY_WARNING, PIN_COUNT_LOW_WARNING);
    expect(texts.filter((ja) => !hasEnglish(ja))).toEqual([]);
    expect(texts.map(en).filter(strayJapanese)).toEqual([]);
  });

  it("writes the expired old card's date in English (R13 pattern)", () => {
    const failure = refusals.oldCardExpired(new Date("2026-12-05T16:00:00Z")); // 6 Dec in Tokyo
    expect(failure.message).toContain("2026年12月6日");
    expect(en(failure.message)).toContain("expired on 6 December 2026");
    expect(strayJapanese(en(failure.message))).toBeNull();
    for (const hint of failure.hints ?? []) expect(hasEnglish(hint)).toBe(true);
  });

  it("names the successor user ID of a lapsed one (R15 pattern)", () => {
    const hints = refusals.lapsedUserId("2000000002").hints ?? [];
    expect(hints.map(en)).toContain("New user ID [新しいユーザID]: 2000000002");
    expect(hints.filter((h) => !hasEnglish(h))).toEqual([]);
  });

  it("tells the tab that lost to another tab its receipt number (alreadyDone pattern)", () => {
    const english = en(alreadyDone("20261206-0001").message);
    expect(english).toContain("receipt number [受付番号] 20261206-0001");
    expect(english).toContain("was not registered");
  });

  it("has English for every field message of the contact form and the search (schemas.ts, R5)", () => {
    const empty = {
      contactName: "",
      postalCode: "",
      address: "",
      personName: "",
      phone: "",
      fax: "x",
      email: "",
    };
    const long = {
      contactName: "部".repeat(61),
      postalCode: "33",
      address: "住".repeat(121),
      personName: "氏".repeat(41),
      phone: "12",
      fax: "",
      email: "not-an-email",
      emailConfirm: "other@example.jp",
    };
    const messages = [
      ...messagesOf(contactSchema.safeParse({ ...empty, emailConfirm: "" })),
      ...messagesOf(contactSchema.safeParse(long)),
      ...messagesOf(contactSchema.safeParse({ ...long, email: `${"a".repeat(250)}@example.jp` })),
      ...messagesOf(searchSchema.safeParse({ officialName: "", userId: "", password: "" })),
      ...messagesOf(
        searchSchema.safeParse({ officialName: "商".repeat(101), userId: "１２", password: "ａ" }),
      ),
      ...messagesOf(searchSchema.safeParse({ officialName: "商", userId: "12", password: "a" })),
      // the text policy (issue 12 item 2): each refused class at each kiosk field
      ...REFUSED.flatMap((bad) => [
        ...messagesOf(contactSchema.safeParse(Object.fromEntries(Object.keys(long).map((k) => [k, bad])))),
        ...messagesOf(searchSchema.safeParse({ officialName: bad, userId: bad, password: bad })),
      ]),
      ...messagesOf(
        registrationFormSchema.safeParse({
          representative: null,
          department: long,
          holderMismatchAcknowledged: false,
        }),
      ),
    ];
    // each pattern of the contact fields is met: required, too long, the phone's form (required and optional)
    expect(messages).toEqual(expect.arrayContaining(["連絡先名称(部署名等)を入力してください。"]));
    expect(messages).toEqual(expect.arrayContaining(["住所は120文字以内で入力してください。"]));
    expect(messages).toEqual(expect.arrayContaining(["電話番号を 048-000-0000 の形で入力してください。"]));
    expect(messages).toEqual(expect.arrayContaining(["FAX番号は 048-000-0000 の形で入力してください。"]));
    expect(messages).toEqual(
      expect.arrayContaining([
        "連絡先名称(部署名等)に使用できない文字（制御文字）が含まれています。",
        "確認用のメールアドレスに使用できない文字（文字の向きを変える制御文字）が含まれています。",
        "ユーザIDに使用できない文字（目に見えない文字）が含まれています。",
        "パスワードに使用できない文字（不正な文字コード）が含まれています。",
        "郵便番号に改行やタブは入力できません。1行で入力してください。",
      ]),
    );
    expect(messages.filter((m) => !hasEnglish(m))).toEqual([]);
    expect(messages.map(en).filter(strayJapanese)).toEqual([]);
    expect(en("住所に使用できない文字（制御文字）が含まれています。")).toBe(
      "The address [住所] contains characters that cannot be used (control characters).",
    );
    expect(en("住所は120文字以内で入力してください。")).toBe(
      "Please enter the address [住所] in 120 characters or fewer.",
    );
  });

  it("has English for the postal lookup's answers and the R17 holder mismatch", async () => {
    const invalid = await lookupPostalCode("12");
    const notFound = await lookupPostalCode("000-0000");
    const mismatch = holderCheck(
      { companyOnCard: "別会社", holderName: "別人" },
      { officialName: "株式会社さいたま建設", representativeName: "埼玉 太郎", previousCompany: null },
    );
    const texts = [invalid, notFound].map((r) => (r.ok ? "" : r.message));
    if (mismatch.message) texts.push(mismatch.message);
    expect(texts).toHaveLength(3);
    expect(texts.filter((m) => !hasEnglish(m))).toEqual([]);
  });

  it("has English for the read-only rows, the 業務区分 and the steps of every flow", () => {
    const labels = [...companyRows(company), ...contactRows(contact), ...cardHolderRows(card)].map(
      ([label]) => label,
    );
    labels.push(...Object.values(KIND_LABELS), ...Object.values(KIND_SHORT));
    labels.push(...REGISTRATION_STEPS, ...CHANGE_STEPS, ...RENEWAL_STEPS);
    expect(labels.filter((l) => !hasEnglish(l))).toEqual([]);
    expect(en("工事")).toBe("Construction [工事]");
    expect(en("物品")).toBe("Goods [物品]");
  });
});

/** The visible text, without what is marked Japanese (lang="ja") or the manual's [terms]. */
function strayOnScreen(html: string): string[] {
  const text = html
    .replace(/<span lang="ja">[^<]*<\/span>/g, " ")
    .replace(/<[^>]+>/g, "\n")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&");
  return text
    .split("\n")
    .map((line) => line.replace(/\[[^\]]*\]/g, "").trim())
    .filter((line) => JAPANESE.test(line));
}

const noop = () => {};
const postalLookup = { postal: { representative: null, department: null }, onPostalCode: noop };
const agencies = [
  { name: "埼玉県", current: true },
  { name: "さいたま市", current: false },
];

describe("flow screens in English mode (issue 11 item 7)", () => {
  it("the 利用者登録 form labels each field in English with the paper form's term, and the R17 notice", () => {
    const search = searchView({
      holderCheck: holderCheck(
        { companyOnCard: "別会社", holderName: "別人" },
        { officialName: "株式会社さいたま建設", representativeName: "埼玉 太郎", previousCompany: null },
      ),
    });
    const html = renderInKiosk(
      "en",
      <FormScreen
        search={search}
        card={card}
        warnings={[]}
        initial={null}
        serverErrors={{ "department.personName": "氏名を入力してください。" }}
        holderAcknowledged={false}
        onHolderCheck={noop}
        {...postalLookup}
        onSubmit={noop}
        onBack={noop}
      />,
    );
    expect(html).toContain(">User registration [利用者登録]</h1>");
    expect(html).toContain("Contact name (department etc.) [連絡先名称(部署名等)]</label>");
    expect(html).toContain("Email address, again to confirm [連絡先メールアドレス(確認用)]</label>");
    expect(html).toContain("<legend>Department using the IC card [ICカード利用部署情報]</legend>");
    expect(html).toContain("Please enter the contact person&#x27;s name [氏名].");
    expect(html).toContain("The name on the IC card does not match the contractor");
    expect(html).toContain('<dd><span lang="ja">株式会社さいたま建設 さいたま支店</span></dd>');
    expect(html).toContain(">Check entries [入力内容確認]</button>");
    expect(strayOnScreen(html)).toEqual([]);
  });

  it("登録内容確認 lists the rows in English, the certificate's date as '26 November 2028', and 登録 as Register [登録]", () => {
    const form = {
      representative: { ...contact, emailConfirm: contact.email },
      department: { ...contact, emailConfirm: contact.email },
      holderMismatchAcknowledged: false,
    };
    const html = renderInKiosk(
      "en",
      <ConfirmScreen
        search={searchView()}
        form={form}
        card={card}
        registering
        onSubmit={noop}
        onBack={noop}
      />,
    );
    expect(html).toContain(">Check your registration [登録内容確認]</h1>");
    expect(html).toContain("<dt>Company name [業者名]</dt>");
    expect(html).toContain("<dt>Certificate expiry date [証明書有効期限]</dt><dd>26 November 2028</dd>");
    expect(html).toContain("4521700110241185053 (decimal) / 3ec04e4b13c53d1d (hex)");
    expect(html).toContain(">Register [登録]</button>");
    expect(html).toContain("Registering. Please wait and do not take out the IC card…");
    expect(strayOnScreen(html)).toEqual([]);
  });

  it("利用者変更 reads in English with the main contact's R3 note", () => {
    const view: ChangeView = {
      userId: "1000000001",
      company,
      representative: contact,
      department: contact,
      card,
      agencies,
    };
    const html = renderInKiosk(
      "en",
      <ChangeFormScreen view={view} initial={null} serverErrors={null} {...postalLookup} onSubmit={noop} />,
    );
    expect(html).toContain(">Change user information [利用者変更]</h1>");
    expect(html).toContain("<dt>User ID [ユーザID]</dt><dd>1000000001</dd>");
    expect(html).toContain("changes the main contact of all those IC cards");
    expect(strayOnScreen(html)).toEqual([]);
  });

  it("電子証明書更新確認 shows both cards and the R22 choice in English, agency names marked Japanese", () => {
    const html = renderInKiosk(
      "en",
      <RenewalConfirmScreen
        view={{ userId: "1000000001", company, old: card, new: card, agencies }}
        propagate={false}
        submitting={false}
        onTogglePropagate={noop}
        onSubmit={noop}
        onBack={noop}
      />,
    );
    expect(html).toContain(">Check the renewal [電子証明書更新確認]</h1>");
    expect(html).toContain("IC card in use [現在使用しているICカード]");
    expect(html).toContain('Selected contracting agency [調達機関]: <span lang="ja">埼玉県</span>');
    expect(html).toContain(">Renew [更新]</button>");
    expect(strayOnScreen(html)).toEqual([]);
  });

  it("a refusal reads in English: the expired old card's date and the way to 登録 (R13)", () => {
    const failure = refusals.oldCardExpired(new Date("2026-12-05T16:00:00Z"));
    const html = renderInKiosk("en", <RefusedScreen failure={failure} onBack={noop} onRegister={noop} />);
    expect(html).toContain(">The IC card in use has expired</h1>");
    expect(html).toContain("expired on 6 December 2026");
    expect(html).toContain(">Go to Register [登録]</button>");
    expect(strayOnScreen(html)).toEqual([]);
  });
});
