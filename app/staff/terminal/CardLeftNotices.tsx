import type { CardLeftNotice } from "@/app/_server/visit/card-left";
import { formatDateTime } from "../_components/ConsoleFormat";

/**
 * ICカードの取り忘れ (R32): cards still in a reader a minute after their visit ended, until the
 * terminal's next visit starts. A list, not a call queue: the 係員を呼ぶ calls can take these over.
 */
export function CardLeftNotices({ notices }: { notices: CardLeftNotice[] }) {
  return (
    <section aria-labelledby="card-left-notices">
      <h2 id="card-left-notices">ICカードの取り忘れ</h2>
      {notices.length === 0 ? (
        <p>取り忘れのお知らせはありません。</p>
      ) : (
        <ul role="alert">
          {notices.map((n) => (
            <li key={`${n.terminalId}-${n.at.toISOString()}`}>
              端末 {n.terminalId}：利用の終了後、ICカードが{n.seconds}
              秒以上カードリーダーに残っています（{formatDateTime(n.at)}）。お客様にお返しください。
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
