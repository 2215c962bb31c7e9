// The manual's explanatory text on the screens where the manual has it (issue 11 item 5): the
// bidder reads at the kiosk what the printed manual would have told them.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DoneScreen } from "@/app/_ui/screens/Done";
import { MenuScreen } from "@/app/_ui/screens/Menu";
import { ChangeDoneScreen, RenewalDoneScreen } from "@/app/_ui/screens/PropagatedDone";
import { SearchScreen } from "@/app/_ui/screens/Search";
import { SelectScreen } from "@/app/_ui/screens/Select";

const noop = () => {};
const result = {
  receiptNumber: "20261126-0001",
  emailTo: null,
  print: "idle" as const,
  printError: null,
  onPrint: noop,
  onLogout: noop,
};

describe("the manual's text on the kiosk screens", () => {
  it("search: 項目詳細 for 工事等 names where the user ID and password come from and 入札審査課 (R10, R11)", () => {
    const html = renderToStaticMarkup(
      <SearchScreen
        agencyName="埼玉県"
        kind="construction"
        searching={false}
        failure={null}
        onSubmit={noop}
        onBack={noop}
      />,
    );
    expect(html).toContain("【項目詳細（工事等）】");
    expect(html).toContain("自治体から配布されたユーザID（10桁の半角数字）を入力してください。");
    expect(html).toContain("「ユーザID・パスワード再交付申請書」");
    expect(html).toContain("「競争入札参加資格申請受付システム」より再発行を行ってください。");
    expect(html).toContain("A支店の契約権限を新設されたB支店に移譲し、A支店を抹消する場合");
  });

  it("search: 項目詳細 for 物品等 is the goods wording (受付票, パスワード再交付申請書)", () => {
    const html = renderToStaticMarkup(
      <SearchScreen
        agencyName="埼玉県"
        kind="goods"
        searching={false}
        failure={null}
        onSubmit={noop}
        onBack={noop}
      />,
    );
    expect(html).toContain("【項目詳細（物品等）】");
    expect(html).toContain(
      "登録申請した際の受付票に記載されています。わからない場合、入札審査課に御照会ください。",
    );
    expect(html).toContain("「パスワード再交付申請書」");
    expect(html).not.toContain("自治体から配布されたユーザID");
  });

  it("screen 1: the note on agencies added at 更新申請", () => {
    const html = renderToStaticMarkup(
      <SelectScreen
        agencies={[{ code: "110000", name: "埼玉県", goods: true }]}
        error={null}
        busy={false}
        onSubmit={noop}
      />,
    );
    expect(html).toContain(
      "更新申請で申請自治体を追加した場合は、追加した自治体に対してICカードの利用者登録を行う必要があります。",
    );
  });

  it("menu: 項目説明 of 登録, 変更 and ICカード更新", () => {
    const html = renderToStaticMarkup(<MenuScreen onRegister={noop} onChange={noop} onRenewal={noop} />);
    expect(html).toContain("項目説明");
    expect(html).toContain("使用するICカードを「電子入札システム」に登録する機能です。");
    expect(html).toContain("使用するICカードの利用者登録情報を修正する機能です。");
    expect(html).toContain("使用中のICカードを別のICカードに変更できます。");
    expect(html).toContain("更新後は旧ICカードを使用できなくなります。");
  });

  it("results: 「すぐに電子入札システムを…」 after 登録, 変更 and 更新", () => {
    const done = renderToStaticMarkup(<DoneScreen {...result} />);
    expect(done).toContain("※利用者登録完了後、すぐに「電子入札システム」をご利用される場合は");
    const propagated = { ...result, agencyName: "埼玉県", propagatesTo: [] };
    expect(renderToStaticMarkup(<ChangeDoneScreen {...propagated} />)).toContain(
      "※変更完了後、すぐに「電子入札システム」をご利用される場合は",
    );
    expect(renderToStaticMarkup(<RenewalDoneScreen {...propagated} />)).toContain(
      "※更新完了後、すぐに「電子入札システム」をご利用される場合は",
    );
  });
});
