// Which screen the kiosk shows, as a key of app/_shared/screen-hints.ts, and the error line it
// shows: for 「係員を呼ぶ」 and the console's terminal page. Pure: it reads snapshots only.

/** What this needs of a machine snapshot (the kiosk's, a flow's, the PIN step's). */
export type SnapshotLike = { value: unknown; context: unknown } | undefined;

/** The top-level state of a snapshot's value (`"search"` for `{ search: "editing" }`). */
function topState(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (value && typeof value === "object") return Object.keys(value)[0] ?? null;
  return null;
}

// busy states the bidder sees as the screen they came from (or are going to)
const KIOSK_ALIASES: Readonly<Record<string, string>> = { starting: "select", timedOut: "end" };

function visitScreen(kiosk: SnapshotLike): unknown {
  return (kiosk?.value as { active?: { screens?: unknown } } | undefined)?.active?.screens;
}

/** The flow that runs now (`registration`, `change`, `renewal`: the kiosk's child id), or null. */
export function runningFlow(kiosk: SnapshotLike): string | null {
  const screens = visitScreen(kiosk);
  if (topState(screens) !== "flow") return null;
  return topState((screens as { flow?: unknown }).flow);
}

/**
 * The screen key: a top-level kiosk state (`select`, `end`, …), a screen of the visit (`menu`),
 * or `<flow>.<state>` while a flow runs (`registration.search`).
 */
export function screenKey(kiosk: SnapshotLike, flowSnapshot: SnapshotLike): string {
  const top = topState(kiosk?.value) ?? "select";
  // ICカードをお取りください is a screen of its own for staff (R32: a card left in the reader)
  if (top === "end" && topState((kiosk?.value as { end?: unknown }).end) === "takeCard")
    return "end.takeCard";
  if (top !== "active") return KIOSK_ALIASES[top] ?? top;
  const flow = runningFlow(kiosk);
  if (!flow) return topState(visitScreen(kiosk)) ?? "entry";
  return `${flow}.${topState(flowSnapshot?.value) ?? "pin"}`;
}

/** A context field as an error line: a string, or a failure's `message`. */
function messageOf(field: unknown): string | null {
  if (typeof field === "string" && field.trim()) return field;
  if (field && typeof field === "object" && "message" in field) {
    const { message } = field as { message: unknown };
    if (typeof message === "string" && message.trim()) return message;
  }
  return null;
}

// the fields where the machines keep what the screen shows as its error (never the form's values)
const ERROR_FIELDS = ["error", "failure", "searchFailure", "printError"] as const;

/** The error the screen shows now, innermost first (the PIN step's before its flow's), or null. */
export function shownError(...snapshots: SnapshotLike[]): string | null {
  for (const snapshot of [...snapshots].reverse()) {
    const context = snapshot?.context as Record<string, unknown> | undefined;
    if (!context) continue;
    for (const field of ERROR_FIELDS) {
      const message = messageOf(context[field]);
      if (message) return message;
    }
  }
  return null;
}
