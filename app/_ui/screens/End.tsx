export type EndReason = "logout" | "cardRemoved" | "timeout" | "searchLimit";

const REASONS: Record<EndReason, string | null> = {
  logout: null,
  cardRemoved:
    "ICカードが取り出されたため、手続きを終了しました。登録が完了していない場合は、最初からやり直してください。",
  timeout: "一定時間操作がなかったため、手続きを終了しました。入力された内容は消去されました。",
  searchLimit:
    "競争入札参加資格審査情報の検索に続けて失敗したため、手続きを終了しました。入力された内容は消去されました。",
};

/** 終了画面: the kiosk returns to the first screen by itself, with every bidder datum cleared. */
export function EndScreen({ reason }: { reason: EndReason | null }) {
  const why = reason ? REASONS[reason] : null;
  return (
    <section aria-labelledby="end-title">
      <h1 id="end-title">終了画面</h1>
      <p style={{ fontSize: "1.6rem", fontWeight: 700 }}>ご利用ありがとうございました。</p>
      {why ? <p className="notice">{why}</p> : null}
      <p className="notice warn" style={{ fontSize: "1.4rem", fontWeight: 700 }} role="status">
        ICカードの取り忘れにご注意ください。
      </p>
      <p>まもなく最初の画面に戻ります。</p>
    </section>
  );
}
