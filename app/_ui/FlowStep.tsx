// What the flows' screen choosers (登録, 変更, ICカード更新) render and wire alike.
import type { ComponentProps } from "react";
import type { PostalAnswers } from "@/machines";
import type { PostalLookup } from "./useContactForm";
import { factsOf, RefusedScreen } from "./screens/Refused";

export { BusyStatus } from "./BusyStatus";

type RefusedProps = {
  failure: ComponentProps<typeof RefusedScreen>["failure"];
  /** the flow's senders: every flow has 戻る, and 変更 and 更新 also 登録 */
  events: { refusalBack: () => void; refusalRegister?: () => void };
  /** the machine decides which refusals lead to 登録 */
  canRegister: boolean;
};

/** A refusal of the flow, with the way to 登録 when the machine offers it. */
export function FlowRefused({ failure, events, canRegister }: RefusedProps) {
  return (
    <RefusedScreen
      failure={failure}
      card={factsOf(failure)}
      onBack={events.refusalBack}
      onRegister={canRegister ? events.refusalRegister : undefined}
    />
  );
}

type FormContext<TValues> = {
  warnings: string[];
  form: TValues | null;
  fieldErrors: Record<string, string> | null;
  postal: PostalAnswers;
};
type FormEvents<TValues> = {
  lookUpPostalCode: PostalLookup["onPostalCode"];
  submitForm: (values: TValues) => void;
  formBack: () => void;
};

/**
 * 登録's and 変更's contact form, wired to its flow alike: the values sent before, the server's
 * field errors, the postal lookup, 入力内容確認 and 戻る.
 */
export function contactFormProps<TValues>(context: FormContext<TValues>, events: FormEvents<TValues>) {
  return {
    warnings: context.warnings,
    initial: context.form,
    serverErrors: context.fieldErrors,
    postal: context.postal,
    onPostalCode: events.lookUpPostalCode,
    onSubmit: events.submitForm,
    onBack: events.formBack,
  };
}
