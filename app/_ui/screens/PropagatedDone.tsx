"use client";
import { fill } from "../i18n/flowText";
import { msgid } from "../i18n/translate";
import { useT } from "../i18n/useT";
import { PropagationSummary } from "./Propagation";
import { ReceiptActions, type ResultScreenProps } from "./ReceiptActions";

type Props = ResultScreenProps & { agencyName: string; propagatesTo: string[] };

/** What 変更's and ICカード更新's result screens say (in Japanese, said through t()); the rest is the same. */
type Words = {
  id: string;
  title: string;
  done: string;
  /** stressed under the completion, before what reaches the other agencies */
  warning?: string;
  /** where the mail goes, with the address ({email}) and without it */
  mail: { to: string; toDepartment: string };
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
  const t = useT();
  return (
    <section aria-labelledby={words.id}>
      <h1 id={words.id}>{t(words.title)}</h1>
      <p className="notice" style={{ fontSize: "1.3rem", fontWeight: 700 }}>
        {t(words.done)}
      </p>
      {words.warning ? (
        <p className="notice warn" style={{ fontWeight: 700 }}>
          {t(words.warning)}
        </p>
      ) : null}
      <PropagationSummary agencyName={agencyName} propagatesTo={propagatesTo} />
      <p>{emailTo ? fill(t(words.mail.to), { email: emailTo }) : t(words.mail.toDepartment)}</p>
      <ReceiptActions receiptNumber={receiptNumber} {...print} />
      {words.note ? (
        <p className="note" style={{ marginTop: 24 }}>
          {t(words.note)}
        </p>
      ) : null}
    </section>
  );
}

const CHANGE_DONE: Words = {
  id: "change-done-title",
  title: msgid("利用者情報変更結果"),
  done: msgid("利用者情報の変更が完了しました。"),
  mail: {
    to: msgid(
      "変更完了のお知らせメールを、ICカード利用部署情報のメールアドレス（{email}）あてに送信します。",
    ),
    toDepartment: msgid("変更完了のお知らせメールを、ICカード利用部署情報のメールアドレスあてに送信します。"),
  },
  note: msgid(
    "※変更完了後、すぐに「電子入札システム」をご利用される場合は、一度全ての画面を閉じてから、「電子入札システム」に入り直してください。",
  ),
};

/** The registration is on the new card; the old one can no longer be used (R12). */
const RENEWAL_DONE: Words = {
  id: "renewal-done-title",
  title: msgid("電子証明書更新結果"),
  done: msgid("ICカードの更新が完了しました。"),
  warning: msgid(
    "これまで使用していたICカード（旧カード）は、使用できなくなりました。今後は新しいICカードをご使用ください。",
  ),
  mail: {
    to: msgid(
      "更新完了のお知らせメールを、ICカード利用部署情報のメールアドレス（{email}）あてに送信します。",
    ),
    toDepartment: msgid("更新完了のお知らせメールを、ICカード利用部署情報のメールアドレスあてに送信します。"),
  },
  note: msgid(
    "※更新完了後、すぐに「電子入札システム」をご利用される場合は、一度全ての画面を閉じてから、「電子入札システム」に入り直してください。",
  ),
};

/** 利用者情報変更結果 */
export function ChangeDoneScreen(props: Props) {
  return <PropagatedDoneScreen words={CHANGE_DONE} {...props} />;
}

/** 電子証明書更新結果 */
export function RenewalDoneScreen(props: Props) {
  return <PropagatedDoneScreen words={RENEWAL_DONE} {...props} />;
}
