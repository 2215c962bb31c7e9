"use client";

import type { ChangeFormValues, ChangeView } from "@/machines";
import { ReadOnlyList } from "../ContactBlock";
import { companyRows } from "../summary";
import { msgid } from "../i18n/translate";
import { useT } from "../i18n/useT";
import { fromView, type PostalLookup } from "../useContactForm";
import { checkChangeContacts } from "./changeView";
import { ContactForm } from "./ContactForm";

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
export function ChangeFormScreen({ view, warnings = [], initial, ...props }: Props) {
  const t = useT();
  return (
    <ContactForm
      {...props}
      title={msgid("利用者変更")}
      titleId="change-form-title"
      intro={<p>{t("変更する項目を修正し、「入力内容確認」ボタンを押してください。")}</p>}
      warnings={warnings}
      initial={
        initial ?? { representative: fromView(view.representative), department: fromView(view.department) }
      }
      company={<ReadOnlyList rows={[[msgid("ユーザID"), view.userId], ...companyRows(view.company)]} />}
      notes={{
        representative: CHANGE_NOTES.representative,
        department: <p className="notice">{t(CHANGE_NOTES.department)}</p>,
      }}
      card={view.card}
      parse={(values) => checkChangeContacts(values)}
    />
  );
}

const CHANGE_NOTES = {
  representative: msgid(
    "代表窓口情報は、このユーザIDで登録されているすべてのICカードに共通です。変更すると、すべてのICカードの代表窓口情報が変わります。",
  ),
  department: msgid(
    "ICカード利用部署情報は、このICカードだけの情報です。複数枚のICカードに登録されている場合は、ICカードごとに変更してください。",
  ),
};
