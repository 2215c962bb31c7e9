"use client";
import type { CardView, ContactView, RegisterInput } from "@/app/_shared/contracts";
import type { SearchView } from "@/machines/registration.types";
import { ContactList, ReadOnlyList } from "../ContactBlock";
import { useLang, useT } from "../i18n/useT";
import { cardHolderRows, certificateRows, companyRows } from "../summary";
import { ConfirmActions } from "./ConfirmActions";

type Props = {
  search: SearchView;
  form: RegisterInput;
  card: CardView;
  registering: boolean;
  onSubmit: () => void;
  onBack: () => void;
};

function view(contact: RegisterInput["department"]): ContactView {
  const { emailConfirm: _confirm, ...rest } = contact;
  return { ...rest, fax: rest.fax ?? "" };
}

/** 登録内容確認: everything read-only, plus the IC card's certificate, before anything is written. */
export function ConfirmScreen({ search, form, card, registering, onSubmit, onBack }: Props) {
  const t = useT();
  const lang = useLang();
  const representative = search.representative ?? (form.representative ? view(form.representative) : null);
  return (
    <section aria-labelledby="confirm-title">
      <h1 id="confirm-title">{t("登録内容確認")}</h1>
      <h2>{t("企業情報")}</h2>
      <ReadOnlyList rows={companyRows(search.company)} />
      <h2>{t("代表窓口情報")}</h2>
      {representative ? <ContactList contact={representative} /> : null}
      <h2>{t("ICカード利用部署情報")}</h2>
      <ReadOnlyList rows={cardHolderRows(card)} />
      <ContactList contact={view(form.department)} />
      <h2>{t("ICカード情報")}</h2>
      <ReadOnlyList rows={certificateRows(card, lang)} />
      <p className="notice" style={{ fontWeight: 700 }}>
        {t("この内容でよろしければ登録ボタンを押してください")}
      </p>
      <ConfirmActions verb="register" submitting={registering} onSubmit={onSubmit} onBack={onBack} />
    </section>
  );
}
