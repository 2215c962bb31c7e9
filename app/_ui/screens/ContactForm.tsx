"use client";

import type { FormEvent, ReactNode } from "react";
import type { CardView, ContactView } from "@/app/_shared/contracts";
import type { Checked } from "@/app/_shared/form-rules";
import type { ContactInput } from "@/app/_shared/schemas";
import type { ContactBlockName } from "@/machines";
import { ContactBlock, ReadOnlyList } from "../ContactBlock";
import { msgid } from "../i18n/translate";
import { useT } from "../i18n/useT";
import { cardHolderRows } from "../summary";
import { fromView, useContactForm, type PostalLookup } from "../useContactForm";
import { FORM_NOTES } from "./formText";

type Contacts = Record<ContactBlockName, ContactInput>;

export type ContactFormProps<T> = PostalLookup & {
  /** the heading in Japanese (msgid), translated here */
  title: string;
  /** the heading's id, which names the section */
  titleId: string;
  /** what stands under the heading, before the warnings */
  intro?: ReactNode;
  warnings: string[];
  initial: Contacts;
  serverErrors: Record<string, string> | null;
  /** 企業情報 after its note: it comes from the qualification and is never edited here */
  company: ReactNode;
  /** R4: the user ID's 代表窓口情報 already on file, shown instead of its fields (登録) */
  representativeOnFile?: ContactView | null;
  /** the screen's own words in each contact block (the representative's in Japanese, translated here) */
  notes: { representative: string; department: ReactNode };
  /** the card the 部署 block is for, listed above its fields */
  card: CardView | null;
  parse: (values: Contacts) => Checked<T>;
  onSubmit: (values: T) => void;
  onBack?: () => void;
};

/**
 * The body 利用者登録 and 利用者変更 share: 企業情報 read-only, 代表窓口情報 and ICカード利用部署情報
 * with the postal code's note, 「代表窓口情報と同じ」, and 入力内容確認 once the screen's schema
 * accepts the values (else each error at its field, and a summary on top).
 */
export function ContactForm<T>(props: ContactFormProps<T>) {
  const { representativeOnFile, notes, onBack } = props;
  const t = useT();
  const form = useContactForm(props.initial, props.serverErrors, props);
  const { values, errors, postalNote } = form;
  const fields = (block: ContactBlockName) => ({
    name: block,
    values: values[block],
    errors,
    onChange: form.change(block),
    onPostalCodeDone: form.fillAddress(block),
  });

  const copyRepresentative = () => {
    form.replace("department", representativeOnFile ? fromView(representativeOnFile) : values.representative);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = props.parse(values);
    if (!parsed.ok) {
      form.showErrors(parsed.fieldErrors);
      return;
    }
    form.showErrors({});
    props.onSubmit(parsed.value);
  };

  return (
    <section aria-labelledby={props.titleId}>
      <h1 id={props.titleId}>{t(props.title)}</h1>
      {props.intro}
      {props.warnings.map((w) => (
        <p key={w} className="notice warn" role="status">
          {t(w)}
        </p>
      ))}
      {Object.keys(errors).length > 0 ? (
        <p className="notice error" role="alert">
          {t("入力内容に誤りがあります。各項目のメッセージを確認してください。")}
        </p>
      ) : null}
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t("企業情報")}</legend>
          <p className="note">{t(FORM_NOTES.company)}</p>
          {props.company}
        </fieldset>

        {representativeOnFile ? (
          <ContactBlock legend={msgid("代表窓口情報")} readOnly contact={representativeOnFile}>
            <p className="notice">{t(FORM_NOTES.representativeOnFile)}</p>
          </ContactBlock>
        ) : (
          <ContactBlock legend={msgid("代表窓口情報")} {...fields("representative")}>
            <p className="note">{t(FORM_NOTES.representative)}</p>
            <p className="notice">{t(notes.representative)}</p>
            <p className="strong-note">{t(FORM_NOTES.checkEmail)}</p>
            {postalNote.representative ? <p role="status">{t(postalNote.representative)}</p> : null}
          </ContactBlock>
        )}

        <ContactBlock legend={msgid("ICカード利用部署情報")} {...fields("department")}>
          {props.card ? <ReadOnlyList rows={cardHolderRows(props.card)} /> : null}
          <p className="note">{t(FORM_NOTES.department)}</p>
          {notes.department}
          <p className="strong-note">{t(FORM_NOTES.checkEmail)}</p>
          <div className="actions" style={{ marginTop: 0, marginBottom: 16 }}>
            <button type="button" onClick={copyRepresentative}>
              {t("代表窓口情報と同じ")}
            </button>
          </div>
          {postalNote.department ? <p role="status">{t(postalNote.department)}</p> : null}
        </ContactBlock>

        <p className="notice">{t(FORM_NOTES.reachable)}</p>
        <div className="actions">
          <button type="submit" className="primary">
            {t("入力内容確認")}
          </button>
          {onBack ? (
            <button type="button" onClick={onBack}>
              {t("戻る")}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
