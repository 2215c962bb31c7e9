// A flow's result screen (登録, 変更, 更新), read from the flow's `done` / `print` states: every
// flow names these states, its receipt fields and its print substates (printing / printed /
// failed) the same way.
import type { StateValue } from "xstate";
import type { PrintState, ResultScreenProps } from "./screens/ReceiptActions";

export function printStateOf(value: StateValue): PrintState {
  if (typeof value !== "object" || !("print" in value)) return "idle";
  const print = value.print;
  return print === "printing" || print === "printed" || print === "failed" ? print : "idle";
}

type FlowSnapshot = {
  value: StateValue;
  matches(state: "done" | "print"): boolean;
  context: {
    receiptNumber: string | null;
    emailTo: string | null;
    printError: string | null;
    cardPresent: boolean;
  };
};

/** The result screen's props once the flow is done (or printing) with a receipt; else null. */
export function resultOf(
  snapshot: FlowSnapshot,
  onPrint: () => void,
  onLogout: () => void,
): ResultScreenProps | null {
  const { context } = snapshot;
  if (!(snapshot.matches("done") || snapshot.matches("print")) || !context.receiptNumber) return null;
  return {
    receiptNumber: context.receiptNumber,
    emailTo: context.emailTo,
    print: printStateOf(snapshot.value),
    printError: context.printError,
    cardRemoved: !context.cardPresent,
    onPrint,
    onLogout,
  };
}
