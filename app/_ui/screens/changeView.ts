// The 変更 screens' data: the registration on file as loadChange answers it and the contact
// blocks the bidder sends, validated with the server's own schema.
import type { ContactView, LoadChangeResult } from "@/app/_shared/contracts";
import { changeFormSchema, type ContactInput } from "@/app/_shared/schemas";

export type ChangeView = Omit<Extract<LoadChangeResult, { ok: true }>, "ok">;
export type ChangeFormValues = { representative: ContactInput; department: ContactInput };

/** The form's part of the schema: the R22 choice is made on 変更内容確認, not in the form. */
export const changeContactsSchema = changeFormSchema.pick({ representative: true, department: true });

/** A submitted contact block as the confirm screen lists it (without the e-mail confirmation). */
export function contactView(contact: ChangeFormValues["department"]): ContactView {
  const { emailConfirm: _confirm, ...rest } = contact;
  return { ...rest, fax: rest.fax ?? "" };
}
