"use client";

import { useId, type ReactNode } from "react";
import type { ContactView } from "@/app/_shared/contracts";
import { contactRows } from "@/app/_shared/rows";
import type { ContactInput } from "@/app/_shared/schemas";

export type ContactField = keyof ContactInput;

/** Labels as on the manual's 登録内容確認 screen. */
export const CONTACT_LABELS: Record<ContactField, string> = {
  contactName: "連絡先名称(部署名等)",
  postalCode: "連絡先郵便番号",
  address: "連絡先住所",
  personName: "連絡先氏名",
  phone: "連絡先電話番号",
  fax: "連絡先FAX番号",
  email: "連絡先メールアドレス",
  emailConfirm: "連絡先メールアドレス(確認用)",
};

const FIELDS: {
  name: ContactField;
  inputMode?: "numeric" | "tel" | "email";
  type?: string;
  hint?: string;
}[] = [
  { name: "contactName" },
  { name: "postalCode", inputMode: "numeric", hint: "例：330-0063（入力すると住所を補完します）" },
  { name: "address" },
  { name: "personName" },
  { name: "phone", inputMode: "tel", type: "tel", hint: "例：048-000-0000" },
  { name: "fax", inputMode: "tel", type: "tel", hint: "任意。例：048-000-0001" },
  { name: "email", inputMode: "email", type: "email" },
  { name: "emailConfirm", inputMode: "email", type: "email", hint: "確認のため、もう一度入力してください。" },
];

/** A contact shown read-only (on file, or on the confirm screen). */
export function ContactList({ contact }: { contact: ContactView }) {
  return <ReadOnlyList rows={contactRows(contact)} />;
}

export function ReadOnlyList({ rows }: { rows: [string, string][] }) {
  return (
    <dl className="readonly">
      {rows.map(([label, value]) => (
        <div key={label} style={{ display: "contents" }}>
          <dt>{label}</dt>
          <dd>{value === "" ? "（なし）" : value}</dd>
        </div>
      ))}
    </dl>
  );
}

type EditableProps = {
  /** prefix of the field ids and of the error keys, e.g. "department" → "department.email" */
  name: string;
  values: ContactInput;
  errors: Record<string, string>;
  onChange: (field: ContactField, value: string) => void;
  /** the 郵便番号 field left with a complete code: fill 住所 */
  onPostalCodeDone?: (postalCode: string) => void;
  disabled?: boolean;
};

/** The 7 contact fields plus the e-mail confirmation, with each error next to its field. */
export function ContactFields({ name, values, errors, onChange, onPostalCodeDone, disabled }: EditableProps) {
  const base = useId();
  return (
    <>
      {FIELDS.map((f) => {
        const id = `${base}-${f.name}`;
        const error = errors[`${name}.${f.name}`];
        const hintId = f.hint ? `${id}-hint` : undefined;
        const errorId = error ? `${id}-error` : undefined;
        const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
        return (
          <div className="field" key={f.name}>
            <div>
              <label htmlFor={id}>{CONTACT_LABELS[f.name]}</label>
              {f.name === "fax" ? null : <span aria-hidden="true">（※）</span>}
            </div>
            <input
              id={id}
              name={`${name}.${f.name}`}
              type={f.type ?? "text"}
              inputMode={f.inputMode}
              autoComplete="off"
              value={values[f.name]}
              disabled={disabled}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy}
              aria-required={f.name === "fax" ? undefined : true}
              onChange={(e) => onChange(f.name, e.target.value)}
              onBlur={
                f.name === "postalCode" && onPostalCodeDone
                  ? (e) => onPostalCodeDone(e.target.value)
                  : undefined
              }
            />
            {f.hint ? (
              <span className="note" id={hintId}>
                {f.hint}
              </span>
            ) : null}
            {error ? (
              <span className="field-error" id={errorId}>
                {error}
              </span>
            ) : null}
          </div>
        );
      })}
    </>
  );
}

type BlockProps = { legend: string; children?: ReactNode } & (
  ({ readOnly: true; contact: ContactView } & Partial<EditableProps>) | ({ readOnly?: false } & EditableProps)
);

/** One contact block of the 利用者登録 form: editable, or read-only with the value on file. */
export function ContactBlock(props: BlockProps) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.children}
      {props.readOnly ? <ContactList contact={props.contact} /> : <ContactFields {...props} />}
    </fieldset>
  );
}
