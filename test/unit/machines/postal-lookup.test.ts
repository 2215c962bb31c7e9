// 郵便番号 → 住所 through the flows' injected lookup (登録 and 変更's `form`): real machines, the
// lookup faked at the edge with answers the test releases one by one.
import { createActor } from "xstate";
import { describe, expect, it } from "vitest";
import {
  changeMachine,
  createChangeImplementations,
  createRegistrationImplementations,
  registrationMachine,
} from "@/machines";
import type { ChangeDeps, PostalLookupResult, RegistrationDeps } from "@/machines";
import { card, formValues, PIN, searchOk, settle, usable } from "./fixtures";
import { flowOptions, submitPin, toForm } from "./flow.harness";
import { changed, changeValues, changeView } from "./flow.fixtures";

const ADDRESS = "埼玉県さいたま市浦和区高砂";
const NOT_FOUND: PostalLookupResult = {
  ok: false,
  code: "notFound",
  message: "この郵便番号の住所が見つかりません。住所を入力してください。",
};

/** A lookup whose calls wait until the test answers them, in any order. */
function postalFake() {
  const calls: Array<{ postalCode: string; answer: (result: PostalLookupResult | Error) => void }> = [];
  const lookupPostalCode = (postalCode: string) =>
    new Promise<PostalLookupResult>((resolve, reject) => {
      calls.push({ postalCode, answer: (r) => (r instanceof Error ? reject(r) : resolve(r)) });
    });
  return { calls, lookupPostalCode };
}

const pinDeps = {
  inspectCard: async () => usable,
  proveCard: async () => ({ ok: true as const, card, warnings: [] }),
  printReceipt: async () => {},
};

/** 登録 at its 利用者登録 form (PIN proven, qualification found). */
async function registrationForm() {
  const postal = postalFake();
  const deps: RegistrationDeps = {
    ...pinDeps,
    searchQualification: async () => searchOk(),
    register: async () => ({ ok: true, receiptNumber: "R-0001", emailTo: "kouji@example.jp" }),
    lookupPostalCode: postal.lookupPostalCode,
  };
  const actor = createActor(
    registrationMachine.provide(createRegistrationImplementations(deps)),
    flowOptions(),
  ).start();
  await settle();
  await toForm(actor);
  expect(actor.getSnapshot().value).toBe("form");
  return { actor, postal, leave: () => actor.send({ type: "form.submit", values: formValues }) };
}

/** 変更 at its 利用者変更 form (PIN proven, registration loaded). */
async function changeForm() {
  const postal = postalFake();
  const deps: ChangeDeps = {
    ...pinDeps,
    loadChange: async () => ({ ok: true, ...changeView }),
    submitChange: async () => changed,
    lookupPostalCode: postal.lookupPostalCode,
  };
  const actor = createActor(changeMachine.provide(createChangeImplementations(deps)), flowOptions()).start();
  await settle();
  submitPin(actor, PIN);
  await settle();
  expect(actor.getSnapshot().value).toBe("form");
  return { actor, postal, leave: () => actor.send({ type: "form.submit", values: changeValues }) };
}

describe.each([
  ["登録", registrationForm],
  ["変更", changeForm],
] as const)("%s: 郵便番号 → 住所 in the form", (_, open) => {
  it("looks up a complete code and keeps the address for that block", async () => {
    const { actor, postal } = await open();
    actor.send({ type: "postal.lookup", block: "department", postalCode: "330-0063" });
    expect(postal.calls.map((c) => c.postalCode)).toEqual(["330-0063"]);
    postal.calls[0]?.answer({ ok: true, address: ADDRESS });
    await settle();
    expect(actor.getSnapshot().value).toBe("form");
    expect(actor.getSnapshot().context.postal).toEqual({
      representative: null,
      department: { ok: true, address: ADDRESS },
    });
  });

  it("asks nothing for a code that is not complete yet", async () => {
    const { actor, postal } = await open();
    for (const postalCode of ["", "330", "330-006", "330-00630", "abc-defg"])
      actor.send({ type: "postal.lookup", block: "representative", postalCode });
    expect(postal.calls).toEqual([]);
    // full-width digits and the IME's dashes are complete codes too
    actor.send({ type: "postal.lookup", block: "representative", postalCode: "３３０ー００６３" });
    expect(postal.calls).toHaveLength(1);
  });

  it("keeps the server's sentence when the code has no address", async () => {
    const { actor, postal } = await open();
    actor.send({ type: "postal.lookup", block: "representative", postalCode: "0000000" });
    postal.calls[0]?.answer(NOT_FOUND);
    await settle();
    expect(actor.getSnapshot().context.postal.representative).toEqual({
      ok: false,
      message: NOT_FOUND.message,
    });
  });

  it("says the address could not be filled when the lookup throws", async () => {
    const { actor, postal } = await open();
    actor.send({ type: "postal.lookup", block: "department", postalCode: "3300063" });
    postal.calls[0]?.answer(new Error("server restarted"));
    await settle();
    expect(actor.getSnapshot().value).toBe("form");
    expect(actor.getSnapshot().context.postal.department).toEqual({
      ok: false,
      message: "住所を補完できませんでした。住所を入力してください。",
    });
  });

  it("answers both blocks when their lookups overlap", async () => {
    const { actor, postal } = await open();
    actor.send({ type: "postal.lookup", block: "representative", postalCode: "330-0063" });
    actor.send({ type: "postal.lookup", block: "department", postalCode: "336-0000" });
    postal.calls[1]?.answer({ ok: true, address: "埼玉県さいたま市南区" });
    postal.calls[0]?.answer({ ok: true, address: ADDRESS });
    await settle();
    expect(actor.getSnapshot().context.postal).toEqual({
      representative: { ok: true, address: ADDRESS },
      department: { ok: true, address: "埼玉県さいたま市南区" },
    });
  });

  it("lets a newer code in the same block replace one still being looked up", async () => {
    const { actor, postal } = await open();
    actor.send({ type: "postal.lookup", block: "department", postalCode: "330-0063" });
    actor.send({ type: "postal.lookup", block: "department", postalCode: "336-0000" });
    postal.calls[1]?.answer({ ok: true, address: "埼玉県さいたま市南区" });
    postal.calls[0]?.answer({ ok: true, address: ADDRESS });
    await settle();
    expect(actor.getSnapshot().context.postal.department).toEqual({
      ok: true,
      address: "埼玉県さいたま市南区",
    });
  });

  it("stops a lookup and forgets the answers when the form is left", async () => {
    const { actor, postal, leave } = await open();
    actor.send({ type: "postal.lookup", block: "representative", postalCode: "330-0063" });
    postal.calls[0]?.answer({ ok: true, address: ADDRESS });
    await settle();
    actor.send({ type: "postal.lookup", block: "department", postalCode: "336-0000" });
    leave();
    postal.calls[1]?.answer({ ok: true, address: "埼玉県さいたま市南区" });
    await settle();
    expect(actor.getSnapshot().value).not.toBe("form");
    expect(actor.getSnapshot().context.postal).toEqual({ representative: null, department: null });
    actor.send({ type: "postal.lookup", block: "department", postalCode: "336-0000" });
    expect(postal.calls).toHaveLength(2);
  });
});
