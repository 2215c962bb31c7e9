// CARD_DRIVER=none: a desk PC that runs the staff console as a server has no card reader, so its
// kiosk pages send the bidder to a terminal that has one; the console (/staff) works as usual.
import type { Lang } from "@/machines";
import { translate } from "../i18n/translate";
import { KioskHeader } from "../KioskHeader";

/** `lang` is a prop: this page is a server component, rendered with no kiosk visit (Japanese). */
export function NoReaderScreen({ lang = "ja" }: { lang?: Lang }) {
  const t = (ja: string) => translate(lang, ja);
  return (
    <div className="kiosk-shell">
      <div className="kiosk-main">
        <KioskHeader lang={lang} />
        <main className="kiosk-content">
          <section aria-labelledby="no-reader-title">
            <h1 id="no-reader-title">{t("この端末にはICカードリーダーがありません")}</h1>
            <p className="notice">{t("利用者登録は、カードリーダーのある端末で行ってください。")}</p>
            <p>
              <a href="/staff">{t("職員コンソールへ")}</a>
            </p>
          </section>
        </main>
      </div>
    </div>
  );
}
