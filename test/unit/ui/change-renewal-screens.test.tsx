// Static renders of the 変更 and ICカード更新 screens (§3.2, §3.3): what each offers and says.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { printStateOf } from "@/app/_ui/flowResult";
import { StepIndicator } from "@/app/_ui/StepIndicator";
import { ChangeConfirmScreen } from "@/app/_ui/screens/ChangeConfirm";
import { ChangeFormScreen } from "@/app/_ui/screens/ChangeForm";
import { PinScreen } from "@/app/_ui/screens/Pin";
import { ChangeDoneScreen, RenewalDoneScreen } from "@/app/_ui/screens/PropagatedDone";
import { RefusedScreen } from "@/app/_ui/screens/Refused";
import { RenewalConfirmScreen } from "@/app/_ui/screens/RenewalConfirm";
import { RenewalNoticeScreen } from "@/app/_ui/screens/RenewalNotice";
import { SwapScreen } from "@/app/_ui/screens/Swap";
import { RENEWAL_STEPS, type ChangeView } from "@/machines";
import { card, company, contact } from "./fixtures";

const noop = () => {};
const postalLookup = { postal: { representative: null, department: null }, onPostalCode: noop };
const agencies = [
  { name: "埼玉県", current: true },
  { name: "さいたま市", current: false },
  { name: "川越市", current: false },
];
const representative = { ...contact, contactName: "総務課", email: "soumu@example.jp" };
const view: ChangeView = {
  userId: "1000000001",
  company,
  representative,
  department: contact,
  card,
  agencies,
};
const newCard = { ...card, serialHex: "1f2e3d", serialDecimal: "2043453", notAfter: "2029-11-26T14:59:59Z" };

function inputTag(html: string, name: string): string {
  const tag = html.match(/<input [^>]*>/g)?.find((t) => t.includes(`name="${name}"`));
  if (!tag) throw new Error(`no input named ${name}`);
  return tag;
}

describe("変更 screens", () => {
  it("the form prefills both contact blocks as editable fields and shows 企業情報 read-only", () => {
    const html = renderToStaticMarkup(
      <ChangeFormScreen
        view={view}
        initial={null}
        serverErrors={null}
        {...postalLookup}
        onSubmit={noop}
        onBack={noop}
      />,
    );
    expect(html).toContain(">利用者変更</h1>");
    expect(inputTag(html, "representative.email")).toContain('value="soumu@example.jp"');
    expect(inputTag(html, "representative.emailConfirm")).toContain('value="soumu@example.jp"');
    expect(inputTag(html, "department.contactName")).toContain('value="工務課"');
    expect(inputTag(html, "department.email")).toContain('value="hanako@example.jp"');
    // 企業情報 comes from the qualification: listed, never an input
    expect(html).toContain("株式会社さいたま建設 さいたま支店");
    expect(html).not.toMatch(/<input [^>]*value="株式会社さいたま建設 さいたま支店"/);
    expect(html).toContain("すべてのICカードの代表窓口情報が変わります"); // R3
    expect(html).toContain(">入力内容確認</button>");
    expect(html).toContain(">戻る</button>");
  });

  it("the form shows the server's field errors at their fields", () => {
    const html = renderToStaticMarkup(
      <ChangeFormScreen
        view={view}
        initial={null}
        serverErrors={{ "department.email": "メールアドレスの形式が正しくありません。" }}
        {...postalLookup}
        onSubmit={noop}
      />,
    );
    expect(inputTag(html, "department.email")).toContain('aria-invalid="true"');
    expect(html).toContain("メールアドレスの形式が正しくありません。");
    expect(html).not.toContain(">戻る</button>");
  });

  it("変更内容確認 lists the new values, the ICカード情報 and the R22 choice with the agencies", () => {
    const form = {
      representative: { ...representative, personName: "新任 次郎", emailConfirm: representative.email },
      department: { ...contact, emailConfirm: contact.email },
    };
    const props = { view, form, submitting: false, onTogglePropagate: noop, onSubmit: noop, onBack: noop };
    const html = renderToStaticMarkup(<ChangeConfirmScreen {...props} propagate={false} />);
    expect(html).toContain(">変更内容確認</h1>");
    for (const heading of ["企業情報", "代表窓口情報", "ICカード利用部署情報", "ICカード情報"])
      expect(html).toContain(`<h2>${heading}</h2>`);
    expect(html).toContain("新任 次郎");
    expect(html).toContain("4521700110241185053（10進）／ 3ec04e4b13c53d1d（16進）");
    expect(html).toContain("OU=Demo Organization CA U8,O=LGPKI-DEMO,C=JP");
    expect(html).toContain("2028/11/26");
    expect(html).toContain("他の調達機関にも変更を自動反映する");
    expect(html).toContain("選択されている調達機関名：埼玉県");
    expect(html).toContain("さいたま市、川越市");
    expect(html).toMatch(/<input [^>]*type="checkbox"(?![^>]*checked)[^>]*>/);
    expect(html).toContain("この内容でよろしければ変更ボタンを押してください");
    expect(html).toContain(">変更</button>");
    expect(html).toContain(">戻る</button>");

    const ticked = renderToStaticMarkup(<ChangeConfirmScreen {...props} propagate />);
    expect(ticked).toMatch(/<input [^>]*type="checkbox"[^>]*checked=""/);
    const busy = renderToStaticMarkup(<ChangeConfirmScreen {...props} propagate submitting />);
    expect(busy).toMatch(/<button [^>]*disabled=""[^>]*>変更<\/button>/);
  });

  it("利用者情報変更結果 says which agencies change now and which tonight (R22)", () => {
    const props = {
      agencyName: "埼玉県",
      receiptNumber: "20261126-0002",
      emailTo: "hanako@example.jp",
      print: "idle" as const,
      printError: null,
      onPrint: noop,
      onLogout: noop,
    };
    const chosen = renderToStaticMarkup(
      <ChangeDoneScreen {...props} propagatesTo={["さいたま市", "川越市"]} />,
    );
    expect(chosen).toContain(">利用者情報変更結果</h1>");
    expect(chosen).toContain("20261126-0002");
    expect(chosen).toContain('href="/receipts/20261126-0002"');
    expect(chosen).toContain(">印刷</button>");
    expect(chosen).toContain("hanako@example.jp");
    expect(chosen).toMatch(/埼玉県<\/strong>：反映済み/);
    expect(chosen).toMatch(/さいたま市、川越市<\/strong>：本日の夜間処理で自動反映/);

    const thisOnly = renderToStaticMarkup(<ChangeDoneScreen {...props} propagatesTo={[]} />);
    expect(thisOnly).toContain("他の調達機関には反映しません。");
    expect(thisOnly).not.toContain("夜間処理で自動反映");
  });
});

describe("ICカード更新 screens", () => {
  it("the notice gives the manual's warning about a changed user ID, with OK / 戻る", () => {
    const html = renderToStaticMarkup(<RenewalNoticeScreen onOk={noop} onBack={noop} />);
    expect(html).toContain("『ICカード更新』ではなく、『登録』より新しい業者番号");
    expect(html).toContain("これまで使用していたICカードの有効期限がきれている場合");
    expect(html).toContain(">OK</button>");
    expect(html).toContain(">戻る</button>");
  });

  it("the old card's PIN screen asks for the card in use", () => {
    const html = renderToStaticMarkup(
      <PinScreen
        title="古いICカードの確認"
        prompt="現在使用しているICカードをカードリーダーに差し込んでください"
        waitingForCard
        verifying={false}
        error={null}
        onSubmit={noop}
        onCancel={noop}
      />,
    );
    expect(html).toContain("現在使用しているICカードをカードリーダーに差し込んでください");
    expect(html).not.toContain(">ICカードをカードリーダーに差し込んでください");
  });

  it("the swap screen asks to take the old card out, then to insert the new one", () => {
    const out = renderToStaticMarkup(<SwapScreen oldCardIn onCancel={noop} />);
    expect(out).toContain("現在使用しているICカードを取り出し、新しいICカードを差し込んでください");
    expect(out).toMatch(/aria-current="step"[^>]*>現在使用しているICカードを取り出す/);
    const removed = renderToStaticMarkup(<SwapScreen oldCardIn={false} onCancel={noop} />);
    expect(removed).toMatch(/aria-current="step"[^>]*>新しく取得したICカードを差し込む/);
    expect(removed).toContain(">キャンセル</button>");
  });

  it("R13: after an expired old card, the swap screen guides it out and the new card in for 登録", () => {
    const html = renderToStaticMarkup(<SwapScreen oldCardIn purpose="register" onCancel={noop} />);
    expect(html).toContain("有効期限が切れたICカードを取り出し、新しく取得したICカードを差し込んでください");
    expect(html).toContain("「登録」のPIN番号の入力に進みます");
    expect(html).toContain(">キャンセル</button>");
  });

  it("電子証明書更新確認 shows both cards side by side with every row of the manual", () => {
    const renewal = { userId: "1000000001", company, old: card, new: newCard, agencies };
    const html = renderToStaticMarkup(
      <RenewalConfirmScreen
        view={renewal}
        propagate={false}
        submitting={false}
        onTogglePropagate={noop}
        onSubmit={noop}
        onBack={noop}
      />,
    );
    expect(html).toContain(">電子証明書更新確認</h1>");
    expect(html).toContain("現在使用しているICカード</h2>");
    expect(html).toContain("新規に使用するICカード</h2>");
    for (const label of [
      "業者名",
      "企業住所",
      "ICカード企業名称",
      "ICカード取得者氏名",
      "ICカード取得者住所",
      "証明書シリアル番号",
      "証明書発行者",
      "証明書有効期限",
    ])
      expect(html.split(`<dt>${label}</dt>`)).toHaveLength(3);
    expect(html).toContain("4521700110241185053 (10進) / 3ec04e4b13c53d1d (16進)");
    expect(html).toContain("2043453 (10進) / 1f2e3d (16進)");
    expect(html).toContain("2029/11/26");
    expect(html).toContain("証明書シリアル番号はICカードのシリアル番号ではありません。");
    expect(html).toContain("他の調達機関にも変更を自動反映する");
    expect(html).toContain(">更新</button>");
    expect(html).toContain(">戻る</button>");
  });

  it("電子証明書更新結果 says the old card can no longer be used (R12)", () => {
    const html = renderToStaticMarkup(
      <RenewalDoneScreen
        agencyName="埼玉県"
        receiptNumber="20261126-0003"
        emailTo="hanako@example.jp"
        propagatesTo={["さいたま市"]}
        print="printed"
        printError={null}
        onPrint={noop}
        onLogout={noop}
      />,
    );
    expect(html).toContain(">電子証明書更新結果</h1>");
    expect(html).toContain("20261126-0003");
    expect(html).toContain("使用できなくなりました");
    expect(html).toContain("印刷しました");
    expect(html).toContain(">再印刷</button>");
    expect(html).toContain(">ログアウト</button>");
  });
});

describe("refusals of 変更 and 更新 (R2, R13)", () => {
  const failure = (code: string, message: string) => ({ ok: false as const, code, message });

  it("a card not registered here points to 登録 with 「登録へ進む」 when the flow offers it", () => {
    const html = renderToStaticMarkup(
      <RefusedScreen
        failure={failure("notRegistered", "このICカードは、この業務区分で利用者登録されていません。")}
        onBack={noop}
        onRegister={noop}
      />,
    );
    expect(html).toContain("このICカードは利用者登録されていません");
    expect(html).toContain("このICカードは、この業務区分で利用者登録されていません。");
    expect(html).toContain("「登録」で利用者登録を行ってください");
    expect(html).toContain(">登録へ進む</button>");
    expect(html).toContain(">戻る</button>");
  });

  it("the server's hints, when it sends them, replace the screen's own guidance", () => {
    const replaced = {
      ...failure("notRegistered", "このICカードは、この業務区分で利用者登録されていません。"),
      hints: ["『ICカード更新』を行うと、旧ICカードは使用できなくなります。"],
    };
    const html = renderToStaticMarkup(<RefusedScreen failure={replaced} onBack={noop} />);
    expect(html).toContain("『ICカード更新』を行うと、旧ICカードは使用できなくなります。");
    expect(html).not.toContain("「登録」で利用者登録を行ってください");
  });

  it.each([
    [
      "oldCardExpired",
      "現在使用しているICカードの有効期限が切れています",
      "「登録」ボタンで登録してください",
    ],
    [
      "issuerDiffers",
      "認証局が異なるため、ICカード更新はできません",
      "認証局が異なる場合は登録ボタンで登録してください",
    ],
    [
      "companyDiffers",
      "企業名称が異なるため、ICカード更新はできません",
      "企業情報が変更になりICカードを取得し直した場合",
    ],
    ["sameCard", "同じICカードが差し込まれました", "新しく取得したICカードを用意して"],
  ])("%s: %s, with the manual's way forward", (code, title, guidance) => {
    const html = renderToStaticMarkup(
      <RefusedScreen failure={failure(code, "更新できません。")} onBack={noop} />,
    );
    expect(html).toContain(`>${title}</h1>`);
    expect(html).toContain(guidance);
    expect(html).not.toContain("登録へ進む");
  });
});

describe("step indicators", () => {
  it("ICカード更新 names each step once, so the current one is never ambiguous", () => {
    expect(new Set(RENEWAL_STEPS).size).toBe(RENEWAL_STEPS.length);
    const html = renderToStaticMarkup(<StepIndicator steps={RENEWAL_STEPS} current={3} />);
    expect(html.match(/aria-current="step"/g)).toHaveLength(1);
    expect(html.match(/class="done"/g)).toHaveLength(3);
    expect(html).toMatch(/aria-current="step"[^>]*>更新内容確認</);
  });

  it("reads the print status from a flow's print substate", () => {
    expect(printStateOf("done")).toBe("idle");
    expect(printStateOf({ print: "printing" })).toBe("printing");
    expect(printStateOf({ print: "failed" })).toBe("failed");
  });
});
