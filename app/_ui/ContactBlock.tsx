"use client";

import { useId, type ReactNode } from "react";
import type { ContactView } from "@/app/_shared/contracts";
import { contactRows } from "@/app/_shared/rows";
import type { ContactInput } from "@/app/_shared/schemas";
import { Ja } from "./i18n/flowText";
import { msgid } from "./i18n/translate";
import { useT } from "./i18n/useT";

export type ContactField = keyof ContactInput;

/** Labels as on the manual's 登録内容確認 screen (said through t() where shown). */
export const CONTACT_LABELS: Record<ContactField, string> = {
  contactName: msgid("連絡先名称(部署名等)"),
  postalCode: msgid("連絡先郵便番号"),
  address: msgid("連絡先住所"),
  personName: msgid("連絡先氏名"),
  phone: msgid("連絡先電話番号"),
  fax: msgid("連絡先FAX番号"),
  email: msgid("連絡先メールアドレス"),
  emailConfirm: msgid("連絡先メールアドレス(確認用)"),
};

const FIELDS: {
  name: ContactField;
  inputMode?: "numeric" | "tel" | "email";
  type?: string;
  hint?: string;
}[] = [
  { name: "contactName" },
  { name: "postalCode", inputMode: "numeric", hint: msgid("例：330-0063（入力すると住所を補完します）") },
  { name: "address" },
  { name: "personName" },
  { name: "phone", inputMode: "tel", type: "tel", hint: msgid("例：048-000-0000") },
  { name: "fax", inputMode: "tel", type: "tel", hint: msgid("任意。例：048-000-0001") },
  { name: "email", inputMode: "email", type: "email" },
  {
    name: "emailConfirm",
    inputMode: "email",
    type: "email",
    hint: msgid("確認のため、もう一度入力してください。"),
  },
];

/** A contact shown read-only (on file, or on the confirm screen). */
export function ContactList({ contact }: { contact: ContactView }) {
  return <ReadOnlyList rows={contactRows(contact)} />;
}

/** Labels are the manual's Japanese, translated here; values are data, marked lang="ja" in English. */
export function ReadOnlyList({ rows }: { rows: [string, string][] }) {
  const t = useT();
  return (
    <dl className="readonly">
      {rows.map(([label, value]) => (
        <div key={label} style={{ display: "contents" }}>
          <dt>{t(label)}</dt>
          <dd>{value === "" ? t("（なし）") : <Ja>{value}</Ja>}</dd>
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
  const t = useT();
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
              <label htmlFor={id}>{t(CONTACT_LABELS[f.name])}</label>
              {f.name === "fax" ? null : <span aria-hidden="true">{t("（※）")}</span>}
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
                {t(f.hint)}
              </span>
            ) : null}
            {error ? (
              <span className="field-error" id={errorId}>
                {t(error)}
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
  const t = useT();
  return (
    <fieldset>
      <legend>{t(props.legend)}</legend>
      {props.children}
      {props.readOnly ? <ContactList contact={props.contact} /> : <ContactFields {...props} />}
    </fieldset>
  );
}
