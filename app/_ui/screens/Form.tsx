"use client";

import type { FormEvent } from "react";
import type { CardView, RegisterInput } from "@/app/_shared/contracts";
import { fieldErrors, registrationFormSchema } from "@/app/_shared/schemas";
import type { SearchView } from "@/machines/registration.types";
import { emptyContact } from "@/machines";
import { ContactBlock, ReadOnlyList } from "../ContactBlock";
import { fromView, useContactForm, type PostalLookup } from "../useContactForm";
import { cardHolderRows, companyRows } from "../summary";
import { FORM_NOTES } from "./formText";

type Props = PostalLookup & {
  search: SearchView;
  card: CardView | null;
  warnings: string[];
  /** the values sent before (back from 確認, or returned with server field errors) */
  initial: RegisterInput | null;
  serverErrors: Record<string, string> | null;
  onSubmit: (values: RegisterInput) => void;
  onBack: () => void;
};

/** 利用者登録: 企業情報 read-only, 代表窓口情報 only at the user ID's first card (R4), 利用部署 always (R5). */
export function FormScreen(props: Props) {
  const { search, warnings, initial, onSubmit, onBack } = props;
  const representativeOnFile = search.representative;
  const form = useContactForm(
    {
      representative: initial?.representative ?? emptyContact(),
      department: initial?.department ?? emptyContact(),
    },
    props.serverErrors,
    props,
  );
  const { values, errors, postalNote, change, fillAddress } = form;

  const copyRepresentative = () => {
    form.replace("department", representativeOnFile ? fromView(representativeOnFile) : values.representative);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = registrationFormSchema.safeParse({
      representative: representativeOnFile ? null : values.representative,
      department: values.department,
      holderMismatchAcknowledged: false,
    });
    if (!parsed.success) {
      form.showErrors(fieldErrors(parsed.error));
      return;
    }
    form.showErrors({});
    onSubmit(parsed.data);
  };

  const errorCount = Object.keys(errors).length;
  return (
    <section aria-labelledby="form-title">
      <h1 id="form-title">利用者登録</h1>
      {warnings.map((w) => (
        <p key={w} className="notice warn" role="status">
          {w}
        </p>
      ))}
      {errorCount > 0 ? (
        <p className="notice error" role="alert">
          入力内容に誤りがあります。各項目のメッセージを確認してください。
        </p>
      ) : null}
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>企業情報</legend>
          <p className="note">{FORM_NOTES.company}</p>
          {search.company.previousInfoShown ? <p className="notice warn">{FORM_NOTES.previousInfo}</p> : null}
          <ReadOnlyList rows={companyRows(search.company)} />
        </fieldset>

        {representativeOnFile ? (
          <ContactBlock legend="代表窓口情報" readOnly contact={representativeOnFile}>
            <p className="notice">{FORM_NOTES.representativeOnFile}</p>
          </ContactBlock>
        ) : (
          <ContactBlock
            legend="代表窓口情報"
            name="representative"
            values={values.representative}
            errors={errors}
            onChange={change("representative")}
            onPostalCodeDone={fillAddress("representative")}
          >
            <p className="note">{FORM_NOTES.representative}</p>
            <p className="notice">{FORM_NOTES.representativeFirst}</p>
            <p className="strong-note">{FORM_NOTES.checkEmail}</p>
            {postalNote.representative ? <p role="status">{postalNote.representative}</p> : null}
          </ContactBlock>
        )}

        <ContactBlock
          legend="ICカード利用部署情報"
          name="department"
          values={values.department}
          errors={errors}
          onChange={change("department")}
          onPostalCodeDone={fillAddress("department")}
        >
          {props.card ? <ReadOnlyList rows={cardHolderRows(props.card)} /> : null}
          <p className="note">{FORM_NOTES.department}</p>
          <p className="note">{FORM_NOTES.departmentName}</p>
          <p className="strong-note">{FORM_NOTES.checkEmail}</p>
          <div className="actions" style={{ marginTop: 0, marginBottom: 16 }}>
            <button type="button" onClick={copyRepresentative}>
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
          <button type="button" onClick={onBack}>
            戻る
          </button>
        </div>
      </form>
    </section>
  );
}
