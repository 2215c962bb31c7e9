// CARD_DRIVER=none: a desk PC that runs the staff console as a server has no card reader, so its
// kiosk pages send the bidder to a terminal that has one; the console (/staff) works as usual.
import { KioskHeader } from "../KioskHeader";

export function NoReaderScreen() {
  return (
    <div className="kiosk-shell">
      <div className="kiosk-main">
        <KioskHeader />
        <main className="kiosk-content">
          <section aria-labelledby="no-reader-title">
            <h1 id="no-reader-title">この端末にはICカードリーダーがありません</h1>
            <p className="notice">利用者登録は、カードリーダーのある端末で行ってください。</p>
            <p>
              <a href="/staff">職員コンソールへ</a>
            </p>
          </section>
        </main>
      </div>
    </div>
  );
}
