// Real visits driven through the kiosk's server actions over HTTP, without a browser, for the attack
// suite's step-order/replay checks and the crash test (issue 12 item 7): the same calls, in the same
// order and with the same session cookie, as the kiosk's screens make.
import { callAction, simReader, type Jar, type ServerAction } from "./attack-client";

export type KioskActions = Record<string, ServerAction>;

/** The kiosk's actions (app/actions.ts) by exported name. */
export function kioskActions(all: ServerAction[]): KioskActions {
  return Object.fromEntries(all.filter((a) => a.file === "app/actions.ts").map((a) => [a.name, a]));
}

export type Answer = { ok?: boolean; code?: string; receiptNumber?: string } & Record<string, unknown>;

export class Visit {
  readonly jar: Jar = new Map();
  constructor(
    private readonly baseUrl: string,
    private readonly actions: KioskActions,
    /** told of each call as it is sent (the crash test kills the server at chosen steps) */
    private readonly onCall?: (name: string) => void,
  ) {}

  /** One action call; an answer that is not a typed result (a 5xx, a refusal page) throws. */
  async call(name: string, ...args: unknown[]): Promise<Answer> {
    const action = this.actions[name];
    if (!action) throw new Error(`no server action ${name} in the build`);
    this.onCall?.(name);
    const { status, result } = await callAction(this.baseUrl, action, args, this.jar);
    if (status !== 200) throw new Error(`${name}: HTTP ${status}`);
    return (result ?? {}) as Answer;
  }

  /** Each call must answer ok; the answer of the last. */
  async steps(...calls: [string, ...unknown[]][]): Promise<Answer> {
    let last: Answer = {};
    for (const [name, ...args] of calls) {
      last = await this.call(name, ...args);
      if (last.ok !== true) throw new Error(`${name} answered ${JSON.stringify(last).slice(0, 300)}`);
    }
    return last;
  }
}

export const SAITAMA_CONSTRUCTION = { agencyCode: "110000", kind: "construction" };
export const SAITAMA_LOGIN = {
  officialName: "株式会社さいたま建設",
  userId: "1000000001",
  password: "Saitama1",
};

export function contact(personName: string) {
  return {
    contactName: "工事課",
    postalCode: "330-0063",
    address: "埼玉県さいたま市浦和区高砂3-15-1",
    personName,
    phone: "048-000-0002",
    fax: "",
    email: "koji@saitama-kensetsu.example.jp",
    emailConfirm: "koji@saitama-kensetsu.example.jp",
  };
}

/** 登録 of `card` (PIN 1234) to さいたま建設's 工事 user ID, up to the answer of 登録; the visit stays open. */
export async function registerCard(visit: Visit, baseUrl: string, card: string): Promise<Answer> {
  await simReader(baseUrl, { action: "remove" });
  await visit.steps(["startSession", SAITAMA_CONSTRUCTION]);
  await simReader(baseUrl, { action: "insert", label: card });
  await visit.steps(
    ["inspectCard", { purpose: "register" }],
    ["proveCard", { pin: "1234", purpose: "register" }],
    ["searchQualification", SAITAMA_LOGIN],
  );
  return visit.call("register", {
    representative: contact("埼玉 太郎"),
    department: contact("浦和 一郎"),
    holderMismatchAcknowledged: true,
  });
}

/**
 * 変更 of `card`'s registration: a new 氏名 (the answer of 変更). The card goes out and in again
 * first, as a bidder's does: a card left in from the visit before starts no visit (R32).
 */
export async function changeName(
  visit: Visit,
  baseUrl: string,
  card: string,
  personName: string,
): Promise<Answer> {
  await simReader(baseUrl, { action: "remove" });
  await visit.steps(["startSession", SAITAMA_CONSTRUCTION]);
  await simReader(baseUrl, { action: "insert", label: card });
  await visit.steps(
    ["inspectCard", { purpose: "change" }],
    ["proveCard", { pin: "1234", purpose: "change" }],
    ["loadChange"],
  );
  return visit.call("submitChange", {
    representative: contact("埼玉 太郎"),
    department: contact(personName),
    propagate: false,
  });
}
