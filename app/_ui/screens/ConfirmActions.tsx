type Props = {
  /** the operation's verb: the button's label and the wait message's subject */
  verb: "登録" | "変更" | "更新";
  submitting: boolean;
  onSubmit: () => void;
  onBack: () => void;
};

/** The confirm screens' foot: the wait message while submitting, the submit and back buttons. */
export function ConfirmActions({ verb, submitting, onSubmit, onBack }: Props) {
  return (
    <>
      {submitting ? (
        <p className="busy" role="status">
          {`${verb}しています。ICカードを抜かずにお待ちください…`}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" className="primary" onClick={onSubmit} disabled={submitting}>
          {verb}
        </button>
        <button type="button" onClick={onBack} disabled={submitting}>
          戻る
        </button>
      </div>
    </>
  );
}
