"use client";
import { msgid } from "../i18n/translate";
import { useT } from "../i18n/useT";

/** Each operation's button (the manual's word) and its wait message. */
const VERBS = {
  register: { label: msgid("登録"), busy: msgid("登録しています。ICカードを抜かずにお待ちください…") },
  change: { label: msgid("変更"), busy: msgid("変更しています。ICカードを抜かずにお待ちください…") },
  renew: { label: msgid("更新"), busy: msgid("更新しています。ICカードを抜かずにお待ちください…") },
};

type Props = {
  /** the operation: the button's label and the wait message's subject */
  verb: keyof typeof VERBS;
  submitting: boolean;
  onSubmit: () => void;
  onBack: () => void;
};

/** The confirm screens' foot: the wait message while submitting, the submit and back buttons. */
export function ConfirmActions({ verb, submitting, onSubmit, onBack }: Props) {
  const t = useT();
  const words = VERBS[verb];
  return (
    <>
      {submitting ? (
        <p className="busy" role="status">
          {t(words.busy)}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" className="primary" onClick={onSubmit} disabled={submitting}>
          {t(words.label)}
        </button>
        <button type="button" onClick={onBack} disabled={submitting}>
          {t("戻る")}
        </button>
      </div>
    </>
  );
}
