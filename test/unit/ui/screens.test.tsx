// Static renders of the screens (no DOM in this test environment): what each screen offers and
// says in a given state.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { StepIndicator } from "@/app/_ui/StepIndicator";
import { ConfirmScreen } from "@/app/_ui/screens/Confirm";
import { DoneScreen } from "@/app/_ui/screens/Done";
import { FormScreen } from "@/app/_ui/screens/Form";
import { RefusedScreen } from "@/app/_ui/screens/Refused";
import { SearchScreen } from "@/app/_ui/screens/Search";
import { SearchLimitScreen } from "@/app/_ui/screens/SearchLimit";
import { SelectScreen } from "@/app/_ui/screens/Select";
import { card, company, contact, searchView } from "./fixtures";

const noop = () => {};

/** The <input …/> tag with this name (attribute order is React's business). */
function inputTag(html: string, name: string): string {
  const tag = html.match(/<input [^>]*>/g)?.find((t) => t.includes(`name="${name}"`));
  if (!tag) throw new Error(`no input named ${name}`);
  return tag;
}
const postalLookup = { postal: { representative: null, department: null }, onPostalCode: noop };

describe("SelectScreen", () => {
  const agencies = [
    { code: "112011", name: "川越市", goods: false },
    { code: "110000", name: "埼玉県", goods: true },
  ];

  it("offers 物品等 only when the selected agency bids goods electronically (R20)", () => {
    const kawagoe = renderToStaticMarkup(
      <SelectScreen agencies={agencies} error={null} busy={false} onSubmit={noop} />,
    );
    expect(kawagoe).toContain("建設工事、設計・調査・測量、土木施設維持管理");
    expect(kawagoe).not.toContain("◎物品等");

    const saitama = renderToStaticMarkup(
      <SelectScreen agencies={[agencies[1]!, agencies[0]!]} error={null} busy={false} onSubmit={noop} />,
    );
    expect(saitama).toContain("◎物品等");
  });

  it("labels the dropdown 調達機関", () => {
    const html = renderToStaticMarkup(
      <SelectScreen agencies={agencies} error={null} busy={false} onSubmit={noop} />,
    );
    expect(html).toMatch(/<label for="([^"]+)">調達機関<\/label><select id="\1"/);
  });
});

describe("StepIndicator", () => {
  it("marks only the current step with aria-current=step", () => {
    const html = renderToStaticMarkup(
      <StepIndicator steps={["PIN入力", "資格情報検索", "入力", "確認", "完了"]} current="入力" />,
    );
    expect(html.match(/aria-current="step"/g)).toHaveLength(1);
    expect(html).toMatch(/aria-current="step"[^>]*>入力</);
  });
});

describe("SearchScreen", () => {
  const props = {
    agencyName: "埼玉県",
    kind: "construction" as const,
    searching: false,
    onSubmit: noop,
    onBack: noop,
  };

  it("shows the manual's checklist with 資格審査情報が登録されていません when the server gave none (R11)", () => {
    const failure = { ok: false as const, code: "notFound", message: "資格審査情報が登録されていません。" };
    const html = renderToStaticMarkup(<SearchScreen {...props} failure={failure} />);
    expect(html).toContain("資格審査情報が登録されていません。");
    expect(html).toContain("パスワードの更新を行うと、更新した当日は利用者登録は行えません。");
  });

  it("R11: the visit's 5th failed search shows the checklist, 受付を終了します and only 終了する", () => {
    const failure = {
      ok: false as const,
      code: "visitEnded",
      message: "資格審査情報が登録されていません。検索に5回失敗したため、受付を終了します。",
      hints: ["パスワードの大文字・小文字を間違えていませんか。"],
    };
    const html = renderToStaticMarkup(<SearchLimitScreen failure={failure} onEnd={noop} />);
    expect(html).toContain('<h1 id="search-limit-title">受付を終了します</h1>');
    expect(html).toContain("検索に5回失敗したため");
    expect(html).toContain("パスワードの大文字・小文字を間違えていませんか。");
    expect(html.match(/<button[^>]*>[^<]*<\/button>/g)).toEqual([
      '<button type="button" class="primary">終了する</button>',
    ]);
  });

  it("shows the server's hints instead when it sent them", () => {
    const failure = {
      ok: false as const,
      code: "notFound",
      message: "資格審査情報が登録されていません。",
      hints: ["独自の確認事項"],
    };
    const html = renderToStaticMarkup(<SearchScreen {...props} failure={failure} />);
    expect(html).toContain("独自の確認事項");
    expect(html).not.toContain("パスワードの更新を行うと");
  });

  it("keeps the password out of autofill and shows it masked", () => {
    const html = renderToStaticMarkup(<SearchScreen {...props} failure={null} />);
    const input = inputTag(html, "password");
    expect(input).toContain('type="password"');
    expect(input.toLowerCase()).toContain('autocomplete="off"');
  });
});

describe("FormScreen", () => {
  const base = {
    card,
    warnings: [],
    initial: null,
    serverErrors: null,
    ...postalLookup,
    onSubmit: noop,
    onBack: noop,
    holderAcknowledged: false,
    onHolderCheck: noop,
  };
  const mismatch = { matches: false, message: null };

  it("R17: shows the holder mismatch on arrival, card beside qualification, with its box unticked", () => {
    const html = renderToStaticMarkup(
      <FormScreen {...base} search={searchView({ holderCheck: mismatch })} />,
    );
    expect(html).toContain("ICカードの名義が、競争入札参加資格審査情報の企業名称・代表者と一致しません。");
    for (const shown of [
      card.companyOnCard,
      card.holderName,
      company.companyName,
      company.representativeName,
    ]) {
      expect(html).toContain(shown);
    }
    const box = /<input type="checkbox"[^>]*>/.exec(html)?.[0] ?? "";
    expect(box).not.toBe("");
    expect(box).not.toContain("checked");
    expect(html).toContain("ICカードの名義に誤りがないことを確認しました");
  });

  it("R17: the box shows the machine's acknowledgement, and a matching holder gets no notice", () => {
    const acknowledged = renderToStaticMarkup(
      <FormScreen {...base} holderAcknowledged search={searchView({ holderCheck: mismatch })} />,
    );
    expect(/<input type="checkbox"[^>]*>/.exec(acknowledged)?.[0]).toContain("checked");
    const matching = renderToStaticMarkup(<FormScreen {...base} search={searchView()} />);
    expect(matching).not.toContain("一致しません");
    expect(matching).not.toContain("ICカードの名義に誤りがないことを確認しました");
  });

  it("asks for 代表窓口情報 at the user ID's first registration", () => {
    const html = renderToStaticMarkup(<FormScreen {...base} search={searchView()} />);
    expect(html).toContain('name="representative.email"');
    expect(html).toContain("初めに利用者登録を行う場合のみ、代表窓口情報を入力します。");
  });

  it("shows 代表窓口情報 on file read-only, pointing to 変更 (R4)", () => {
    const html = renderToStaticMarkup(
      <FormScreen {...base} search={searchView({ representative: contact })} />,
    );
    expect(html).not.toContain('name="representative.');
    expect(html).toContain("hanako@example.jp");
    expect(html).toContain("『変更』ボタンより変更してください");
    expect(html).toContain('name="department.email"');
  });

  it("explains that the previous company info is shown while under review (R16)", () => {
    const search = searchView({ company: { ...company, previousInfoShown: true } });
    expect(renderToStaticMarkup(<FormScreen {...base} search={search} />)).toContain(
      "競争参加資格の審査が終了するまでは以前の情報が表示されます",
    );
    expect(renderToStaticMarkup(<FormScreen {...base} search={searchView()} />)).not.toContain(
      "競争参加資格の審査が終了するまでは以前の情報が表示されます",
    );
  });

  it("shows the card warnings (R18) and server field errors at their field", () => {
    const html = renderToStaticMarkup(
      <FormScreen
        {...base}
        search={searchView()}
        warnings={["ICカードの有効期限まであと20日です。"]}
        serverErrors={{ "department.email": "メールアドレスの形式が正しくありません。" }}
      />,
    );
    expect(html).toContain("ICカードの有効期限まであと20日です。");
    const input = inputTag(html, "department.email");
    expect(input).toContain('aria-invalid="true"');
    const describedBy = /aria-describedby="([^"]+)"/.exec(input)?.[1];
    expect(html).toContain(`id="${describedBy}">メールアドレスの形式が正しくありません。`);
    expect(html).toContain("メールアドレスの形式が正しくありません。");
  });
});

describe("RefusedScreen", () => {
  it("explains 既に登録されています in the manual's words (R1)", () => {
    const failure = { ok: false as const, code: "alreadyRegistered", message: "既に登録されています。" };
    const html = renderToStaticMarkup(<RefusedScreen failure={failure} onBack={noop} />);
    expect(html).toContain("挿入されているICカードの利用者は既に登録されています。");
    expect(html).toContain("戻る");
  });
});

describe("ConfirmScreen", () => {
  const form = {
    representative: { ...contact, emailConfirm: contact.email },
    department: { ...contact, emailConfirm: contact.email },
    holderMismatchAcknowledged: false,
  };

  it("shows the certificate's serial, issuer and expiry in Japan time", () => {
    const html = renderToStaticMarkup(
      <ConfirmScreen
        search={searchView()}
        form={form}
        card={card}
        registering={false}
        onSubmit={noop}
        onBack={noop}
      />,
    );
    expect(html).toContain("4521700110241185053");
    expect(html).toContain("OU=Demo Organization CA U8,O=LGPKI-DEMO,C=JP");
    expect(html).toContain("2028/11/26");
    expect(html).toContain("この内容でよろしければ登録ボタンを押してください");
  });

  it("disables 登録 while registering, so it cannot be sent twice", () => {
    const html = renderToStaticMarkup(
      <ConfirmScreen
        search={searchView()}
        form={form}
        card={card}
        registering
        onSubmit={noop}
        onBack={noop}
      />,
    );
    expect(html).toMatch(/<button type="button" class="primary" disabled="">登録<\/button>/);
  });
});

describe("DoneScreen", () => {
  it("shows the receipt number, the PDF link and the print reminder", () => {
    const html = renderToStaticMarkup(
      <DoneScreen
        receiptNumber="20261126-0001"
        emailTo="hanako@example.jp"
        print="idle"
        printError={null}
        onPrint={noop}
        onLogout={noop}
      />,
    );
    expect(html).toContain("20261126-0001");
    expect(html).toContain('href="/receipts/20261126-0001"');
    expect(html).toContain("受付票（PDF）を開く");
    expect(html).toContain("※必ず画面の印刷を行ってください。");
    expect(html).toContain("hanako@example.jp");
  });
});
