"use client";

import { useState, type FormEvent } from "react";
import type { CardView, ContactView, RegisterInput } from "@/app/_shared/contracts";
import { fieldErrors, registrationFormSchema, type ContactInput } from "@/app/_shared/schemas";
import type { SearchView } from "@/machines/registration.types";
import { ContactBlock, EMPTY_CONTACT, ReadOnlyList, type ContactField } from "../ContactBlock";
import { cardHolderRows, companyRows } from "../summary";
import { FORM_NOTES } from "./formText";

type Lookup = (postalCode: string) => Promise<{ ok: true; address: string } | { ok: false; message: string }>;

type Props = {
  search: SearchView;
  card: CardView | null;
  warnings: string[];
  /** the values sent before (back from 確認, or returned with server field errors) */
  initial: RegisterInput | null;
  serverErrors: Record<string, string> | null;
  lookupPostalCode: Lookup;
  onSubmit: (values: RegisterInput) => void;
  onBack: () => void;
};

type Block = "representative" | "department";

function fromView(view: ContactView): ContactInput {
  return { ...view, emailConfirm: view.email };
}

/** 利用者登録: 企業情報 read-only, 代表窓口情報 only at the user ID's first card (R4), 利用部署 always (R5). */
export function FormScreen(props: Props) {
  const { search, warnings, initial, lookupPostalCode, onSubmit, onBack } = props;
  const representativeOnFile = search.representative;
  const [values, setValues] = useState<Record<Block, ContactInput>>({
    representative: initial?.representative ?? EMPTY_CONTACT,
    department: initial?.department ?? EMPTY_CONTACT,
  });
  const [errors, setErrors] = useState<Record<string, string>>(props.serverErrors ?? {});
  const [postalNote, setPostalNote] = useState<Partial<Record<Block, string>>>({});

  const change = (block: Block) => (field: ContactField, value: string) => {
    setValues((v) => ({ ...v, [block]: { ...v[block], [field]: value } }));
    setErrors((e) => {
      const key = `${block}.${field}`;
      if (!(key in e)) return e;
      const next = { ...e };
      delete next[key];
      return next;
    });
  };

  const fillAddress = (block: Block) => async (postalCode: string) => {
    if (!/^\s*[0-9０-９]{3}[-ー－‐]?[0-9０-９]{4}\s*$/.test(postalCode)) return;
    try {
      const found = await lookupPostalCode(postalCode);
      if (found.ok) {
        setValues((v) => ({ ...v, [block]: { ...v[block], address: found.address } }));
        setPostalNote((n) => ({
          ...n,
          [block]: "郵便番号から住所を入力しました。番地等を続けて入力してください。",
        }));
      } else {
        setPostalNote((n) => ({ ...n, [block]: found.message }));
      }
    } catch {
      setPostalNote((n) => ({ ...n, [block]: "住所を補完できませんでした。住所を入力してください。" }));
    }
  };

  const copyRepresentative = () => {
    const source = representativeOnFile ? fromView(representativeOnFile) : values.representative;
    setValues((v) => ({ ...v, department: { ...source } }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([key]) => !key.startsWith("department."))));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = registrationFormSchema.safeParse({
      representative: representativeOnFile ? null : values.representative,
      department: values.department,
      holderMismatchAcknowledged: false,
    });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      // Bring the first wrong field into view; the bidder may be at the bottom of a long form.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setErrors({});
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
