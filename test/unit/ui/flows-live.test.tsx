// The 変更 and ICカード更新 screens driven by the real machines (fake server answers): each state
// shows its screen and step, and 登録へ進む appears exactly when the machine accepts it.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { createActor, waitFor, type AnyActorRef } from "xstate";
import type { InspectCardResult, PinStepResult } from "@/app/_shared/contracts";
import { ChangeFlow } from "@/app/_ui/ChangeFlow";
import { RenewalFlow } from "@/app/_ui/RenewalFlow";
import {
  changeMachine,
  createChangeImplementations,
  createRenewalImplementations,
  renewalMachine,
  type PinPurpose,
} from "@/machines";
import { card, company, contact } from "./fixtures";

const noop = () => {};
const input = {
  agency: { code: "110000", name: "埼玉県", goods: true },
  kind: "goods" as const,
  cardPresent: true,
};
const agencies = [
  { name: "埼玉県", current: true },
  { name: "さいたま市", current: false },
];
const facts = {
  holderName: card.holderName,
  companyOnCard: card.companyOnCard,
  issuer: card.issuer,
  serialHex: card.serialHex,
  notBefore: card.notBefore,
  notAfter: card.notAfter,
  daysLeft: card.daysLeft,
};
const refusal = (code: string, message: string) =>
  ({ ok: false as const, code, message }) as InspectCardResult;

function deps(refuse: Partial<Record<PinPurpose, InspectCardResult>> = {}) {
  return {
    inspectCard: async ({ purpose }: { purpose: PinPurpose }): Promise<InspectCardResult> =>
      refuse[purpose] ?? { ok: true, card: facts, warnings: [], pin: { countLow: false, finalTry: false } },
    proveCard: async (): Promise<PinStepResult> => ({ ok: true, card, warnings: [] }),
    printReceipt: async () => {},
    lookupPostalCode: async () => ({ ok: true as const, address: company.address }),
    loadChange: async () => ({
      ok: true as const,
      userId: "2000000001",
      company,
      representative: contact,
      department: contact,
      card,
      agencies,
    }),
    submitChange: async () => ({
      ok: true as const,
      receiptNumber: "20261126-0009",
      emailTo: contact.email,
      propagatesTo: [],
    }),
    loadRenewal: async () => ({
      ok: true as const,
      userId: "2000000001",
      company,
      old: card,
      new: card,
      agencies,
    }),
    submitRenewal: async () => ({
      ok: true as const,
      receiptNumber: "20261126-0010",
      emailTo: contact.email,
      propagatesTo: [],
    }),
  };
}

type FlowActor = { getSnapshot: () => { children: { pin?: AnyActorRef } } };

/** The flow's PIN step: the keypad sends to it, and its snapshots are its own. */
function pinOf(actor: FlowActor): AnyActorRef {
  const pin = actor.getSnapshot().children.pin;
  if (!pin) throw new Error("no PIN step running");
  return pin;
}

/** The flow's PIN child has read the card and shows the keypad. */
async function pinReady(actor: FlowActor) {
  await waitFor(pinOf(actor), (s: { matches: (state: string) => boolean }) => s.matches("entering"));
}

function submitPin(actor: FlowActor, pin: string) {
  pinOf(actor).send({ type: "pin.submit", pin });
}

function current(html: string): string | undefined {
  return /aria-current="step"[^>]*>([^<]+)</.exec(html)?.[1];
}

describe("RenewalFlow on the renewal machine", () => {
  it("notice → old card → swap → new card refused for another CA, with 登録へ進む", async () => {
    const issuer = refusal("issuerDiffers", "認証局が異なるため、ICカード更新はできません。");
    const actor = createActor(
      renewalMachine.provide(createRenewalImplementations(deps({ renewalNew: issuer }))),
      {
        input,
      },
    ).start();
    const render = () => renderToStaticMarkup(<RenewalFlow actorRef={actor} onLogout={noop} />);

    expect(render()).toContain("『ICカード更新』ではなく、『登録』より");
    expect(current(render())).toBe("注意事項");

    actor.send({ type: "notice.ok" });
    await pinReady(actor);
    expect(render()).toContain(">古いICカードの確認</h1>");
    expect(current(render())).toBe("旧ICカード");

    submitPin(actor, "1234");
    await waitFor(actor, (s) => s.matches("swap"));
    expect(render()).toContain("現在使用しているICカードを取り出し、新しいICカードを差し込んでください");
    expect(current(render())).toBe("新ICカード");

    actor.send({ type: "card.removed" });
    expect(render()).toMatch(/aria-current="step"[^>]*>新しく取得したICカードを差し込む/);
    actor.send({ type: "card.inserted" });
    await waitFor(actor, (s) => s.matches("refused"));
    const refused = render();
    expect(refused).toContain(">認証局が異なるため、ICカード更新はできません</h1>");
    expect(refused).toContain(">登録へ進む</button>");
    expect(current(refused)).toBe("新ICカード");
    actor.stop();
  });

  it("R13: an expired old card leads to 登録 through a swap: take it out, insert the new card", async () => {
    const expired = refusal(
      "oldCardExpired",
      "現在使用しているICカードの有効期限が切れているため、ICカード更新はできません。",
    );
    const actor = createActor(
      renewalMachine.provide(createRenewalImplementations(deps({ renewalOld: expired }))),
      { input },
    ).start();
    const render = () => renderToStaticMarkup(<RenewalFlow actorRef={actor} onLogout={noop} />);
    actor.send({ type: "notice.ok" });
    await waitFor(actor, (s) => s.matches("refused"));
    expect(render()).toContain(">登録へ進む</button>");
    actor.send({ type: "refusal.register" });
    expect(actor.getSnapshot().value).toBe("swapForRegister");
    expect(render()).toContain(
      "有効期限が切れたICカードを取り出し、新しく取得したICカードを差し込んでください",
    );
    actor.send({ type: "card.removed" });
    expect(actor.getSnapshot().status).toBe("active");
    actor.send({ type: "card.inserted" });
    expect(actor.getSnapshot().output).toEqual({ switchTo: "register" });
  });

  it("a new card of another company is refused without 登録へ進む (the machine does not offer it)", async () => {
    const company = refusal("companyDiffers", "ICカードの企業名称が異なります。");
    const actor = createActor(
      renewalMachine.provide(createRenewalImplementations(deps({ renewalNew: company }))),
      {
        input,
      },
    ).start();
    actor.send({ type: "notice.ok" });
    await pinReady(actor);
    submitPin(actor, "1234");
    await waitFor(actor, (s) => s.matches("swap"));
    actor.send({ type: "card.removed" });
    actor.send({ type: "card.inserted" });
    await waitFor(actor, (s) => s.matches("refused"));
    const html = renderToStaticMarkup(<RenewalFlow actorRef={actor} onLogout={noop} />);
    expect(html).toContain(">企業名称が異なるため、ICカード更新はできません</h1>");
    expect(html).not.toContain("登録へ進む");
    actor.stop();
  });

  it("both proven cards reach 電子証明書更新確認 at the fourth step", async () => {
    const actor = createActor(renewalMachine.provide(createRenewalImplementations(deps())), {
      input,
    }).start();
    actor.send({ type: "notice.ok" });
    await pinReady(actor);
    submitPin(actor, "1234");
    await waitFor(actor, (s) => s.matches("swap"));
    actor.send({ type: "card.removed" });
    actor.send({ type: "card.inserted" });
    await pinReady(actor);
    submitPin(actor, "1111");
    await waitFor(actor, (s) => s.matches("confirm"));
    const html = renderToStaticMarkup(<RenewalFlow actorRef={actor} onLogout={noop} />);
    expect(html).toContain(">電子証明書更新確認</h1>");
    expect(html.match(/aria-current="step"/g)).toHaveLength(1);
    expect(html.match(/class="done"/g)).toHaveLength(3);
    actor.stop();
  });
});

describe("ChangeFlow on the change machine", () => {
  it("a card not registered here is refused with 登録へ進む (R2)", async () => {
    const notRegistered = refusal(
      "notRegistered",
      "このICカードは、この業務区分で利用者登録されていません。",
    );
    const actor = createActor(
      changeMachine.provide(createChangeImplementations(deps({ change: notRegistered }))),
      {
        input,
      },
    ).start();
    await waitFor(actor, (s) => s.matches("refused"));
    const html = renderToStaticMarkup(<ChangeFlow actorRef={actor} onLogout={noop} />);
    expect(html).toContain(">このICカードは利用者登録されていません</h1>");
    expect(html).toContain(">登録へ進む</button>");
    expect(current(html)).toBe("PIN入力");
    actor.stop();
  });

  it("the proven card's registration prefills 利用者変更 at the 入力 step", async () => {
    const actor = createActor(changeMachine.provide(createChangeImplementations(deps())), { input }).start();
    await pinReady(actor);
    submitPin(actor, "1234");
    await waitFor(actor, (s) => s.matches("form"));
    const html = renderToStaticMarkup(<ChangeFlow actorRef={actor} onLogout={noop} />);
    expect(html).toContain(">利用者変更</h1>");
    expect(html).toContain(`value="${contact.email}"`);
    expect(current(html)).toBe("入力");
    actor.stop();
  });
});
