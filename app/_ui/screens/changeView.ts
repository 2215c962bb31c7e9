// The 変更 screens' handling of the contact blocks the bidder sends (the types are the change
// machine's: ChangeView, ChangeFormValues): validated by the server's own rules, and listed.
import type { ContactView } from "@/app/_shared/contracts";
import { checkContacts, type Checked } from "@/app/_shared/form-rules";
import type { ContactInput } from "@/app/_shared/schemas";
import type { ChangeFormValues } from "@/machines";

type ChangeContacts = Pick<ChangeFormValues, "representative" | "department">;

/**
 * The form's part of changeFormSchema, by the same rules (app/_shared/form-rules.ts): the R22 choice
 * is made on 変更内容確認, not in the form.
 */
export function checkChangeContacts(
  values: Record<keyof ChangeContacts, ContactInput>,
): Checked<ChangeContacts> {
  const checked = checkContacts(values);
  if (!checked.ok) return checked;
  return {
    ok: true,
    value: { representative: checked.value.representative!, department: checked.value.department! },
  };
}

/** A submitted contact block as the confirm screen lists it (without the e-mail confirmation). */
export function contactView(contact: ChangeFormValues["department"]): ContactView {
  const { emailConfirm: _confirm, ...rest } = contact;
  return { ...rest, fax: rest.fax ?? "" };
}
