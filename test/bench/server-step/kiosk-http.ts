// The kiosk's server actions over HTTP, as the kiosk page calls them: POST to the page with the
// action's id (from the build's server-reference manifest) in `Next-Action`, the arguments as the
// JSON array React's encodeReply makes of plain values, the visit's cookie; the answer is React's
// flight stream, whose row the top-level `a` points at is the action's return value.
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "../../..");

export type KioskAction = "startSession" | "proveCard" | "searchQualification" | "register";

/** The ids of the kiosk page's actions (app/actions.ts) in this build. */
export function kioskActionIds(): Record<KioskAction, string> {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { filename?: string; exportedName?: string }> };
  const ids: Partial<Record<string, string>> = {};
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename === "app/actions.ts" && entry.exportedName) ids[entry.exportedName] = id;
  }
  for (const name of ["startSession", "proveCard", "searchQualification", "register"]) {
    if (!ids[name]) throw new Error(`the build has no server action ${name} in app/actions.ts`);
  }
  return ids as Record<KioskAction, string>;
}

export type ActionAnswer = { ok?: boolean; code?: string } & Record<string, unknown>;

/** The action's return value out of a flight response (one JSON row per line: `<hex id>:<json>`). */
export function actionResult(body: string): ActionAnswer {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1]!, m[2]!);
  }
  const top = JSON.parse(rows.get("0") ?? "null") as { a?: unknown } | null;
  const ref = typeof top?.a === "string" ? /^\$@([0-9a-f]+)$/.exec(top.a) : null;
  const value = ref ? JSON.parse(rows.get(ref[1]!) ?? "null") : top?.a;
  if (!value || typeof value !== "object") throw new Error(`no action result in: ${body.slice(0, 300)}`);
  return value as ActionAnswer;
}

export class KioskHttp {
  private readonly ids = kioskActionIds();

  constructor(readonly baseUrl: string) {}

  /** Calls `action(input)` in the visit `sessionId`; the new session cookie for startSession. */
  async call(action: KioskAction, input: unknown, sessionId?: string) {
    const response = await fetch(`${this.baseUrl}/`, {
      method: "POST",
      headers: {
        "Next-Action": this.ids[action],
        "Content-Type": "text/plain;charset=UTF-8",
        Accept: "text/x-component",
        Origin: this.baseUrl,
        ...(sessionId ? { Cookie: `kiosk_session=${sessionId}` } : {}),
      },
      body: JSON.stringify([input]),
    });
    const body = await response.text();
    if (!response.ok) throw new Error(`${action}: HTTP ${response.status} ${body.slice(0, 200)}`);
    const cookie = /kiosk_session=([^;]+)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
    return { answer: actionResult(body), sessionId: cookie };
  }

  /** The 仮想カードリーダー panel's 「挿入」 button. */
  async insertCard(label: string): Promise<void> {
    const response = await fetch(`${this.baseUrl}/api/sim-reader`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: this.baseUrl },
      body: JSON.stringify({ action: "insert", label }),
    });
    if (!response.ok) throw new Error(`inserting ${label}: HTTP ${response.status}`);
  }

  /** The insertion the kiosk screen polls (/api/card). */
  async insertionId(): Promise<string> {
    const status = (await (await fetch(`${this.baseUrl}/api/card`)).json()) as { insertionId: string | null };
    if (!status.insertionId) throw new Error("no card in the simulated reader");
    return status.insertionId;
  }
}
