import { PropagationSummary } from "./Propagation";
import { ReceiptActions, type ResultScreenProps } from "./ReceiptActions";

type Props = ResultScreenProps & { agencyName: string; propagatesTo: string[] };

/** What 変更's and ICカード更新's result screens say; the rest of the screen is the same. */
type Words = {
  id: string;
  title: string;
  done: string;
  /** stressed under the completion, before what reaches the other agencies */
  warning?: string;
  /** the mail's name, as in 「…完了のお知らせメール」 */
  mail: string;
  /** the closing note, below the receipt */
  note?: string;
};

/** A committed 変更 or 更新: the receipt (R41), the mail (R40) and which agencies change when (R22). */
function PropagatedDoneScreen({
  words,
  agencyName,
  receiptNumber,
  emailTo,
  propagatesTo,
  ...print
}: Props & { words: Words }) {
  return (
    <section aria-labelledby={words.id}>
      <h1 id={words.id}>{words.title}</h1>
      <p className="notice" style={{ fontSize: "1.3rem", fontWeight: 700 }}>
        {words.done}
      </p>
      {words.warning ? (
        <p className="notice warn" style={{ fontWeight: 700 }}>
          {words.warning}
        </p>
      ) : null}
      <PropagationSummary agencyName={agencyName} propagatesTo={propagatesTo} />
      <p>
        {`${words.mail}を、ICカード利用部署情報のメールアドレス`}
        {emailTo ? `（${emailTo}）` : ""}あてに送信します。
      </p>
      <ReceiptActions receiptNumber={receiptNumber} {...print} />
      {words.note ? (
        <p className="note" style={{ marginTop: 24 }}>
          {words.note}
        </p>
      ) : null}
    </section>
  );
}

const CHANGE_DONE: Words = {
  id: "change-done-title",
  title: "利用者情報変更結果",
  done: "利用者情報の変更が完了しました。",
  mail: "変更完了のお知らせメール",
  note: "※変更完了後、すぐに「電子入札システム」をご利用される場合は、一度全ての画面を閉じてから、「電子入札システム」に入り直してください。",
};

/** The registration is on the new card; the old one can no longer be used (R12). */
const RENEWAL_DONE: Words = {
  id: "renewal-done-title",
  title: "電子証明書更新結果",
  done: "ICカードの更新が完了しました。",
  warning:
    "これまで使用していたICカード（旧カード）は、使用できなくなりました。今後は新しいICカードをご使用ください。",
  mail: "更新完了のお知らせメール",
  note: "※更新完了後、すぐに「電子入札システム」をご利用される場合は、一度全ての画面を閉じてから、「電子入札システム」に入り直してください。",
};

/** 利用者情報変更結果 */
export function ChangeDoneScreen(props: Props) {
  return <PropagatedDoneScreen words={CHANGE_DONE} {...props} />;
}

/** 電子証明書更新結果 */
export function RenewalDoneScreen(props: Props) {
  return <PropagatedDoneScreen words={RENEWAL_DONE} {...props} />;
}
