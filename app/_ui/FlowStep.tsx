// What the flows' screen choosers (登録, 変更, ICカード更新) render alike.
import type { ComponentProps } from "react";
import { factsOf, RefusedScreen } from "./screens/Refused";

/** The placeholder while the flow's actor works between screens. */
export function BusyStatus() {
  return (
    <p className="busy" role="status">
      処理中です。しばらくお待ちください…
    </p>
  );
}

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
