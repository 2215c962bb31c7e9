"use client";

import { useState, type FormEvent } from "react";
import type { Failure } from "@/app/_shared/contracts";
import { KIND_LABELS, KIND_SHORT, type Kind } from "@/app/_shared/kinds";
import { checkSearch } from "@/app/_shared/form-rules";
import type { SearchInput } from "@/app/_shared/schemas";
import { fill } from "../i18n/fill";
import { msgid } from "../i18n/translate";
import { useT } from "../i18n/useT";
import {
  CERTIFICATE_NOTES,
  FIELD_DETAILS,
  NOT_FOUND_CHECKLIST,
  SEARCH_NOTES,
  UNUSABLE_CARD_EXAMPLE,
  USER_ID_NOTES,
} from "./searchText";

type Props = {
  agencyName: string;
  kind: Kind;
  searching: boolean;
  failure: Failure | null;
  /** the user ID last found, when the bidder comes back from the form */
  initialUserId?: string;
  onSubmit: (input: SearchInput) => void;
  onBack: () => void;
};

type Field = keyof SearchInput;
const LABELS: Record<Field, string> = {
  officialName: msgid("商号又は名称"),
  userId: msgid("ユーザID"),
  password: msgid("パスワード"),
};

/** 競争入札参加資格審査情報検索. Input errors (full-width digits…) show at the field before searching (R10). */
export function SearchScreen({
  agencyName,
  kind,
  searching,
  failure,
  initialUserId,
  onSubmit,
  onBack,
}: Props) {
  const [values, setValues] = useState<SearchInput>({
    officialName: "",
    userId: initialUserId ?? "",
    password: "",
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitted, setSubmitted] = useState<Failure | null>(null);
  const t = useT();

  // A new failure from the server empties the password: it is the field most often mistyped and
  // should not stay on the screen.
  if (failure !== submitted) {
    setSubmitted(failure);
    if (failure) setValues((v) => ({ ...v, password: "" }));
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkSearch(values);
    if (!checked.ok) {
      setErrors(checked.fieldErrors);
      return;
    }
    setErrors({});
    onSubmit(checked.value);
  };

  const serverErrors = failure?.fieldErrors ?? {};
  const field = (
    name: Field,
    props: { type?: string; inputMode?: "numeric" | "text"; maxLength?: number },
  ) => {
    const error = errors[name] ?? serverErrors[name];
    const id = `search-${name}`;
    return (
      <div className="field">
        <div>
          <label htmlFor={id}>{t(LABELS[name])}</label>
          <span aria-hidden="true">{t("（※）")}</span>
        </div>
        <input
          id={id}
          name={name}
          type={props.type ?? "text"}
          inputMode={props.inputMode}
          maxLength={props.maxLength}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          value={values[name]}
          disabled={searching}
          aria-required="true"
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-note${error ? ` ${id}-error` : ""}`}
          onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
        />
        <span className="note" id={`${id}-note`}>
          {fill(t("（{note}）"), { note: t(SEARCH_NOTES[name]) })}
        </span>
        {error ? (
          <span className="field-error" id={`${id}-error`}>
            {t(error)}
          </span>
        ) : null}
      </div>
    );
  };

  const checklist = failure?.hints && failure.hints.length > 0 ? failure.hints : NOT_FOUND_CHECKLIST;
  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">{t("競争入札参加資格審査情報検索")}</h1>
      <p>
        {fill(t("調達機関 : {agency}（{kind}）"), {
          agency: <span lang="ja">{agencyName}</span>,
          kind: t(KIND_LABELS[kind]),
        })}
      </p>
      <p>
        {t("競争入札参加資格審査情報の検索を行います。下記項目を入力し、「検索」ボタンを押してください。")}
      </p>
      {failure ? (
        <div className="notice error" role="alert">
          <p style={{ margin: 0, fontWeight: 700 }}>{t(failure.message)}</p>
          {failure.code === "notFound" ? (
            <ul>
              {checklist.map((line) => (
                <li key={line}>{t(line)}</li>
              ))}
            </ul>
          ) : failure.hints?.length ? (
            <ul>
              {failure.hints.map((line) => (
                <li key={line}>{t(line)}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <form onSubmit={submit} noValidate>
        {field("officialName", { maxLength: 100 })}
        {field("userId", { inputMode: "numeric", maxLength: 10 })}
        {field("password", { type: "password", maxLength: 8 })}
        {searching ? (
          <p className="busy" role="status">
            {t("検索しています…")}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={searching}>
            {t("検索")}
          </button>
          <button type="button" onClick={onBack} disabled={searching}>
            {t("戻る")}
          </button>
        </div>
      </form>
      <div className="notice">
        <strong>{t("【ユーザIDについて】")}</strong>
        <ul>
          {USER_ID_NOTES.map((line) => (
            <li key={line}>{t(line)}</li>
          ))}
        </ul>
      </div>
      <div className="notice warn">
        <strong>{t("【電子証明書とユーザIDの関係に御注意ください。】")}</strong>
        <ul>
          {CERTIFICATE_NOTES.map((line) => (
            <li key={line}>{t(line)}</li>
          ))}
        </ul>
        <p style={{ margin: "8px 0 0" }}>
          {fill(t("※ICカードが使用できなくなる例：{example}"), { example: t(UNUSABLE_CARD_EXAMPLE) })}
        </p>
        <p style={{ margin: "8px 0 0" }}>
          {t("※不明な点がある場合は、そのまま操作を進めず、ヘルプデスクに連絡して確認してください")}
        </p>
      </div>
      <div className="notice">
        <strong>{fill(t("【項目詳細（{kind}等）】"), { kind: t(KIND_SHORT[kind]) })}</strong>
        <dl className="field-details">
          {FIELD_DETAILS[kind].map(([term, detail]) => (
            <div key={term}>
              <dt>{t(term)}</dt>
              <dd>{t(detail)}</dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}
