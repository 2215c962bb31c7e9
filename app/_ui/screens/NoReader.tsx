"use client";
// CARD_DRIVER=none: a desk PC that runs the staff console as a server has no card reader, so its
// kiosk pages send the bidder to a terminal that has one; the console (/staff) works as usual.
// A client page for the header's modes (StandaloneShell), which are this page's own.
import { useT } from "../i18n/useT";
import { StandaloneShell } from "../StandaloneShell";

export function NoReaderScreen() {
  return (
    <StandaloneShell>
      <NoReaderNotice />
    </StandaloneShell>
  );
}

/** The screen's words, in the language chosen in the page's header. */
export function NoReaderNotice() {
  const t = useT();
  return (
    <section aria-labelledby="no-reader-title">
      <h1 id="no-reader-title">{t("この端末にはICカードリーダーがありません")}</h1>
      <p className="notice">{t("利用者登録は、カードリーダーのある端末で行ってください。")}</p>
      <p>
        <a href="/staff">{t("職員コンソールへ")}</a>
      </p>
    </section>
  );
}
