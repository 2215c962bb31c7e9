"use client";
import { ContactList, ReadOnlyList } from "../ContactBlock";
import { useLang, useT } from "../i18n/useT";
import { cardHolderRows, certificateRows, companyRows } from "../summary";
import type { ChangeFormValues, ChangeView } from "@/machines";
import { contactView } from "./changeView";
import { PropagateChoice } from "./Propagation";
import { ConfirmActions } from "./ConfirmActions";

type Props = {
  view: ChangeView;
  form: ChangeFormValues;
  propagate: boolean;
  submitting: boolean;
  onTogglePropagate: () => void;
  onSubmit: () => void;
  onBack: () => void;
};

/** 変更内容確認, in the manual's order, with the IC card's certificate and the R22 choice. */
export function ChangeConfirmScreen({ view, form, propagate, submitting, ...on }: Props) {
  const t = useT();
  const lang = useLang();
  return (
    <section aria-labelledby="change-confirm-title">
      <h1 id="change-confirm-title">{t("変更内容確認")}</h1>
      <h2>{t("企業情報")}</h2>
      <ReadOnlyList rows={companyRows(view.company)} />
      <h2>{t("代表窓口情報")}</h2>
      <ContactList contact={contactView(form.representative)} />
      <h2>{t("ICカード利用部署情報")}</h2>
      <ReadOnlyList rows={cardHolderRows(view.card)} />
      <ContactList contact={contactView(form.department)} />
      <h2>{t("ICカード情報")}</h2>
      <ReadOnlyList rows={certificateRows(view.card, lang)} />
      <PropagateChoice
        agencies={view.agencies}
        checked={propagate}
        disabled={submitting}
        onToggle={on.onTogglePropagate}
      />
      <p className="notice" style={{ fontWeight: 700 }}>
        {t("この内容でよろしければ変更ボタンを押してください")}
      </p>
      <ConfirmActions verb="change" submitting={submitting} onSubmit={on.onSubmit} onBack={on.onBack} />
    </section>
  );
}
