"use client";

import type { CardView, RegisterInput } from "@/app/_shared/contracts";
import { checkContacts } from "@/app/_shared/form-rules";
import { emptyContact } from "@/machines";
import type { SearchView } from "@/machines/registration.types";
import { ReadOnlyList } from "../ContactBlock";
import { companyRows } from "../summary";
import type { PostalLookup } from "../useContactForm";
import { ContactForm } from "./ContactForm";
import { msgid } from "../i18n/translate";
import { useT } from "../i18n/useT";
import { FORM_NOTES } from "./formText";
import { HolderMismatchNotice } from "./HolderWarning";

type Props = PostalLookup & {
  search: SearchView;
  card: CardView | null;
  warnings: string[];
  /** the values sent before (back from 確認, or returned with server field errors) */
  initial: RegisterInput | null;
  serverErrors: Record<string, string> | null;
  onSubmit: (values: RegisterInput) => void;
  onBack: () => void;
  /** R17: the acknowledgement the machine holds, and the form's box that sets it */
  holderAcknowledged: boolean;
  onHolderCheck: (acknowledged: boolean) => void;
};

/** 利用者登録: 企業情報 read-only, 代表窓口情報 only at the user ID's first card (R4), 利用部署 always (R5). */
export function FormScreen({ search, initial, holderAcknowledged, onHolderCheck, ...props }: Props) {
  const t = useT();
  const representativeOnFile = search.representative;
  return (
    <ContactForm
      {...props}
      title={msgid("利用者登録")}
      titleId="form-title"
      intro={
        props.card ? (
          <HolderMismatchNotice
            card={props.card}
            search={search}
            acknowledged={holderAcknowledged}
            onCheck={onHolderCheck}
          />
        ) : null
      }
      initial={{
        representative: initial?.representative ?? emptyContact(),
        department: initial?.department ?? emptyContact(),
      }}
      company={
        <>
          {search.company.previousInfoShown ? (
            <p className="notice warn">{t(FORM_NOTES.previousInfo)}</p>
          ) : null}
          <ReadOnlyList rows={companyRows(search.company)} />
        </>
      }
      representativeOnFile={representativeOnFile}
      notes={{
        representative: FORM_NOTES.representativeFirst,
        department: <p className="note">{t(FORM_NOTES.departmentName)}</p>,
      }}
      parse={(values) => {
        const checked = checkContacts({
          representative: representativeOnFile ? null : values.representative,
          department: values.department,
        });
        if (!checked.ok) return checked;
        const { representative, department } = checked.value;
        return {
          ok: true,
          value: { representative, department: department!, holderMismatchAcknowledged: false },
        };
      }}
    />
  );
}
