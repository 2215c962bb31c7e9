"use client";

import type { FormEvent } from "react";
import { fieldErrors } from "@/app/_shared/schemas";
import { ContactBlock, ReadOnlyList } from "../ContactBlock";
import { cardHolderRows, companyRows } from "../summary";
import { fromView, useContactForm, type PostalLookup } from "../useContactForm";
import type { ChangeFormValues, ChangeView } from "@/machines";
import { changeContactsSchema } from "./changeView";
import { FORM_NOTES } from "./formText";

type Props = PostalLookup & {
  view: ChangeView;
  warnings?: string[];
  /** the values sent before (back from 変更内容確認, or returned with server field errors) */
  initial: ChangeFormValues | null;
  serverErrors: Record<string, string> | null;
  onSubmit: (values: ChangeFormValues) => void;
  onBack?: () => void;
};

/**
 * 利用者変更: 代表窓口情報 and ICカード利用部署情報 prefilled and editable, 企業情報 read-only (it
 * comes from the qualification). 代表窓口情報 is the user ID's (every card, R3); 部署 this card's.
 */
export function ChangeFormScreen({
  view,
  warnings = [],
  initial,
  serverErrors,
  postal,
  onPostalCode,
  ...on
}: Props) {
  const form = useContactForm(
    initial ?? { representative: fromView(view.representative), department: fromView(view.department) },
    serverErrors,
    { postal, onPostalCode },
  );
  const { values, errors, postalNote, change, fillAddress } = form;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = changeContactsSchema.safeParse(values);
    if (!parsed.success) {
      form.showErrors(fieldErrors(parsed.error));
      return;
    }
    form.showErrors({});
    on.onSubmit(parsed.data);
  };

  return (
    <section aria-labelledby="change-form-title">
      <h1 id="change-form-title">利用者変更</h1>
      <p>変更する項目を修正し、「入力内容確認」ボタンを押してください。</p>
      {warnings.map((w) => (
        <p key={w} className="notice warn" role="status">
          {w}
        </p>
      ))}
      {Object.keys(errors).length > 0 ? (
        <p className="notice error" role="alert">
          入力内容に誤りがあります。各項目のメッセージを確認してください。
        </p>
      ) : null}
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>企業情報</legend>
          <p className="note">{FORM_NOTES.company}</p>
          <ReadOnlyList rows={[["ユーザID", view.userId], ...companyRows(view.company)]} />
        </fieldset>

        <ContactBlock
          legend="代表窓口情報"
          name="representative"
          values={values.representative}
          errors={errors}
          onChange={change("representative")}
          onPostalCodeDone={fillAddress("representative")}
        >
          <p className="note">{FORM_NOTES.representative}</p>
          <p className="notice">{CHANGE_NOTES.representative}</p>
          <p className="strong-note">{FORM_NOTES.checkEmail}</p>
          {postalNote.representative ? <p role="status">{postalNote.representative}</p> : null}
        </ContactBlock>

        <ContactBlock
          legend="ICカード利用部署情報"
          name="department"
          values={values.department}
          errors={errors}
          onChange={change("department")}
          onPostalCodeDone={fillAddress("department")}
        >
          <ReadOnlyList rows={cardHolderRows(view.card)} />
          <p className="note">{FORM_NOTES.department}</p>
          <p className="notice">{CHANGE_NOTES.department}</p>
          <p className="strong-note">{FORM_NOTES.checkEmail}</p>
          <div className="actions" style={{ marginTop: 0, marginBottom: 16 }}>
            <button type="button" onClick={() => form.replace("department", values.representative)}>
              代表窓口情報と同じ
            </button>
          </div>
          {postalNote.department ? <p role="status">{postalNote.department}</p> : null}
        </ContactBlock>

        <p className="notice">{FORM_NOTES.reachable}</p>
        <div className="actions">
          <button type="submit" className="primary">
            入力内容確認
          </button>
          {on.onBack ? (
            <button type="button" onClick={on.onBack}>
              戻る
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}

const CHANGE_NOTES = {
  representative:
    "代表窓口情報は、このユーザIDで登録されているすべてのICカードに共通です。変更すると、すべてのICカードの代表窓口情報が変わります。",
  department:
    "ICカード利用部署情報は、このICカードだけの情報です。複数枚のICカードに登録されている場合は、ICカードごとに変更してください。",
};
