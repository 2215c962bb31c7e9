"use client";
// The two contact blocks (代表窓口情報, ICカード利用部署情報) being edited: their values, the errors
// at each field, and the address filled from the postal code. Shared by 登録 and 変更.
import { useState } from "react";
import type { ContactView } from "@/app/_shared/contracts";
import type { ContactInput } from "@/app/_shared/schemas";
import type { ContactBlockName, PostalAnswers } from "@/machines";
import type { ContactField } from "./ContactBlock";
import { msgid } from "./i18n/translate";

type Block = ContactBlockName;
const BLOCKS: readonly Block[] = ["representative", "department"];

/** The flow's postal lookup: its answers so far, and how to ask for a block's code. */
export type PostalLookup = {
  postal: PostalAnswers;
  onPostalCode: (block: Block, postalCode: string) => void;
};

/** A contact on file, as the form edits it (the e-mail confirmation prefilled). */
export function fromView(view: ContactView): ContactInput {
  return { ...view, emailConfirm: view.email };
}

export function useContactForm(
  initial: Record<Block, ContactInput>,
  serverErrors: Record<string, string> | null,
  { postal, onPostalCode }: PostalLookup,
) {
  const [values, setValues] = useState<Record<Block, ContactInput>>(initial);
  const [errors, setErrors] = useState<Record<string, string>>(serverErrors ?? {});
  // the notes are Japanese (the server's answer among them); the form says them through t()
  const [postalNote, setPostalNote] = useState<Partial<Record<Block, string>>>({});

  // The machine keeps each block's last answer; one that arrives while the form is shown fills
  // 住所 once (adjusting state to a changed prop during render, not in an effect), so an address
  // the bidder completes afterwards is not overwritten, and a form shown again starts clean.
  const [answered, setAnswered] = useState(postal);
  if (postal !== answered) {
    setAnswered(postal);
    for (const block of BLOCKS) {
      const answer = postal[block];
      if (!answer || answer === answered[block]) continue;
      if (answer.ok) {
        setValues((v) => ({ ...v, [block]: { ...v[block], address: answer.address } }));
        setPostalNote((n) => ({
          ...n,
          [block]: msgid("郵便番号から住所を入力しました。番地等を続けて入力してください。"),
        }));
      } else {
        setPostalNote((n) => ({ ...n, [block]: answer.message }));
      }
    }
  }

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

  const fillAddress = (block: Block) => (postalCode: string) => onPostalCode(block, postalCode);

  /** Replaces one block (「代表窓口情報と同じ」) and forgets its errors. */
  const replace = (block: Block, contact: ContactInput) => {
    setValues((v) => ({ ...v, [block]: { ...contact } }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([key]) => !key.startsWith(`${block}.`))));
  };

  /** Shows the errors and brings the first wrong field into view (the form is long). */
  const showErrors = (next: Record<string, string>) => {
    setErrors(next);
    if (Object.keys(next).length > 0) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    }
  };

  return { values, errors, postalNote, change, fillAddress, replace, showErrors };
}
