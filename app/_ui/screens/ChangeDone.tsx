import { PropagationSummary } from "./Propagation";
import { ReceiptActions, type ResultScreenProps } from "./ReceiptActions";

type Props = ResultScreenProps & { agencyName: string; propagatesTo: string[] };

/** 利用者情報変更結果: the receipt (R41), the mail (R40) and which agencies change when (R22). */
export function ChangeDoneScreen({ agencyName, receiptNumber, emailTo, propagatesTo, ...print }: Props) {
  return (
    <section aria-labelledby="change-done-title">
      <h1 id="change-done-title">利用者情報変更結果</h1>
      <p className="notice" style={{ fontSize: "1.3rem", fontWeight: 700 }}>
        利用者情報の変更が完了しました。
      </p>
      <PropagationSummary agencyName={agencyName} propagatesTo={propagatesTo} />
      <p>
        変更完了のお知らせメールを、ICカード利用部署情報のメールアドレス
        {emailTo ? `（${emailTo}）` : ""}あてに送信します。
      </p>
      <ReceiptActions receiptNumber={receiptNumber} {...print} />
      <p className="note" style={{ marginTop: 24 }}>
        ※変更完了後、すぐに「電子入札システム」をご利用される場合は、一度全ての画面を閉じてから、「電子入札システム」に入り直してください。
      </p>
    </section>
  );
}
