import { PropagationSummary } from "./Propagation";
import { ReceiptActions, type ResultScreenProps } from "./ReceiptActions";

type Props = ResultScreenProps & { agencyName: string; propagatesTo: string[] };

/** 電子証明書更新結果: the registration is on the new card, the old one is no longer usable (R12). */
export function RenewalDoneScreen({ agencyName, receiptNumber, emailTo, propagatesTo, ...print }: Props) {
  return (
    <section aria-labelledby="renewal-done-title">
      <h1 id="renewal-done-title">電子証明書更新結果</h1>
      <p className="notice" style={{ fontSize: "1.3rem", fontWeight: 700 }}>
        ICカードの更新が完了しました。
      </p>
      <p className="notice warn" style={{ fontWeight: 700 }}>
        これまで使用していたICカード（旧カード）は、使用できなくなりました。今後は新しいICカードをご使用ください。
      </p>
      <PropagationSummary agencyName={agencyName} propagatesTo={propagatesTo} />
      <p>
        更新完了のお知らせメールを、ICカード利用部署情報のメールアドレス
        {emailTo ? `（${emailTo}）` : ""}あてに送信します。
      </p>
      <ReceiptActions receiptNumber={receiptNumber} {...print} />
    </section>
  );
}
