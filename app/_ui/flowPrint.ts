// The result screens' print status, read from a flow's `print` substate (printing / printed /
// failed); every flow (登録, 変更, 更新) names these states the same way.
import type { StateValue } from "xstate";
import type { PrintState } from "./screens/ReceiptActions";

export function printStateOf(value: StateValue): PrintState {
  if (typeof value !== "object" || !("print" in value)) return "idle";
  const print = value.print;
  return print === "printing" || print === "printed" || print === "failed" ? print : "idle";
}
