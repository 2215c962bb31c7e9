// The 変更 screens' handling of the contact blocks the bidder sends (the types are the change
// machine's: ChangeView, ChangeFormValues): validated with the server's own schema, and listed.
import type { ContactView } from "@/app/_shared/contracts";
import { changeFormSchema } from "@/app/_shared/schemas";
import type { ChangeFormValues } from "@/machines";

/** The form's part of the schema: the R22 choice is made on 変更内容確認, not in the form. */
export const changeContactsSchema = changeFormSchema.pick({ representative: true, department: true });

/** A submitted contact block as the confirm screen lists it (without the e-mail confirmation). */
export function contactView(contact: ChangeFormValues["department"]): ContactView {
  const { emailConfirm: _confirm, ...rest } = contact;
  return { ...rest, fax: rest.fax ?? "" };
}
