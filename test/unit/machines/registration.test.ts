import { createActor } from "xstate";
import { describe, expect, it } from "vitest";
import type { ProveCardResult, RegisterInput, RegisterResult, SearchResult } from "@/app/_shared/contracts";
import type { SearchInput } from "@/app/_shared/schemas";
import {
  createRegistrationImplementations,
  REGISTRATION_STEPS,
  registrationMachine,
  stepOf,
} from "@/machines";
import type { RegistrationDeps } from "@/machines";
import {
  card,
  formValues,
  foundAddress,
  PASSWORD,
  PIN,
  searchNotFound,
  searchVisitEnded,
  searchOk,
  settle,
  usable,
} from "./fixtures";
import { flowOptions, submitPin, submitSearch, toForm } from "./flow.harness";

type Answers = {
  prove?: ProveCardResult[];
  search?: SearchResult[];
  register?: RegisterResult[];
  print?: Array<"ok" | "fail">;
};

/** Real registration + real pin child (past its pre-flight), with the app's deps faked at the edge. */
async function start(answers: Answers = {}) {
  const calls = {
    prove: [] as string[],
    search: [] as SearchInput[],
    register: [] as RegisterInput[],
    print: 0,
  };
  const next = <T>(list: T[] | undefined, fallback: T): T => list?.shift() ?? fallback;
  const deps: RegistrationDeps = {
    inspectCard: async () => usable,
    proveCard: async ({ pin }) => {
      calls.prove.push(pin);
      return next(answers.prove, { ok: true, card, warnings: ["有効期限が近づいています。"] });
    },
    searchQualification: async (input) => {
      calls.search.push(input);
      return next(answers.search, searchOk());
    },
    register: async (input) => {
      calls.register.push(input);
      return next(answers.register, { ok: true, receiptNumber: "R-0001", emailTo: "kouji@example.jp" });
    },
    printReceipt: async () => {
      calls.print += 1;
      if (next(answers.print, "ok") === "fail") throw new Error("printer offline");
    },
    lookupPostalCode: foundAddress,
  };
  const actor = createActor(
    registrationMachine.provide(createRegistrationImplementations(deps)),
    flowOptions(),
  ).start();
  await settle(); // the pre-flight check on the card already in the reader
  return { actor, calls };
}

describe("registration machine with the real pin child", () => {
  it("passes the keypad's PIN through to proveCard and keeps the card and warnings (R18)", async () => {
    const { actor, calls } = await start();
    expect(actor.getSnapshot().children.pin?.getSnapshot().value).toBe("entering");
    submitPin(actor, PIN);
    await settle();
    expect(calls.prove).toEqual([PIN]);
    expect(actor.getSnapshot().value).toEqual({ search: "editing" });
    expect(actor.getSnapshot().context.card).toEqual(card);
    expect(actor.getSnapshot().context.warnings).toEqual(["有効期限が近づいています。"]);
  });

  it("shows a wrong PIN on the pin child and stays at PIN入力 (R30)", async () => {
    const wrong: ProveCardResult = {
      ok: false,
      code: "pinIncorrect",
      message: "PIN番号が正しくありません。",
      finalTry: true,
    };
    const { actor } = await start({ prove: [wrong] });
    submitPin(actor, "0000");
    await settle();
    expect(actor.getSnapshot().value).toBe("pin");
    expect(actor.getSnapshot().children.pin?.getSnapshot().context.error).toEqual(wrong);
  });

  it("stops at refused with the card's refusal (R1) and goes back via cancelled", async () => {
    const already: ProveCardResult = {
      ok: false,
      code: "alreadyRegistered",
      message: "既に登録されています",
    };
    const { actor } = await start({ prove: [already] });
    submitPin(actor, PIN);
    await settle();
    expect(actor.getSnapshot().value).toBe("refused");
    expect(actor.getSnapshot().context.failure).toEqual(already);
    actor.send({ type: "refusal.back" });
    expect(actor.getSnapshot().output).toEqual({ cancelled: true });
  });

  it("keeps neither the PIN nor the password in any snapshot, even mid-call (R30, R11)", async () => {
    const { actor, calls } = await start();
    const seen: string[] = [];
    const record = () =>
      seen.push(JSON.stringify(actor.getPersistedSnapshot()), JSON.stringify(actor.getSnapshot()));
    actor.subscribe(record);
    submitPin(actor, PIN);
    record();
    await settle();
    submitSearch(actor);
    record();
    await settle();
    expect(calls.search[0]?.password).toBe(PASSWORD);
    expect(seen.length).toBeGreaterThan(4);
    for (const text of seen) {
      expect(text).not.toContain(PIN);
      expect(text).not.toContain(PASSWORD);
    }
  });
});

describe("registration machine: search, form and confirm", () => {
  it("returns to the search screen with the generic failure and no password (R11)", async () => {
    const { actor } = await start({ search: [searchNotFound] });
    await toForm(actor);
    expect(actor.getSnapshot().value).toEqual({ search: "editing" });
    expect(actor.getSnapshot().context.searchFailure).toEqual(searchNotFound);
    expect(JSON.stringify(actor.getSnapshot().context)).not.toContain(PASSWORD);
  });

  it("R11: the visit's 5th failed search shows the checklist, then ends the flow with visitEnded", async () => {
    const { actor } = await start({ search: [searchVisitEnded] });
    await toForm(actor);
    expect(actor.getSnapshot().value).toBe("searchLimit");
    expect(actor.getSnapshot().context.searchFailure).toEqual(searchVisitEnded);
    actor.send({ type: "searchLimit.end" });
    expect(actor.getSnapshot().status).toBe("done");
    expect(actor.getSnapshot().output).toEqual({ visitEnded: true });
  });

  it("warns about a card holder who is not the representative before confirm (R17)", async () => {
    const { actor, calls } = await start({ search: [searchOk(false)] });
    await toForm(actor);
    actor.send({ type: "form.submit", values: formValues });
    expect(actor.getSnapshot().value).toBe("holderWarning");
    actor.send({ type: "holder.acknowledge" });
    expect(actor.getSnapshot().value).toBe("confirm");
    actor.send({ type: "confirm.back" });
    actor.send({ type: "form.submit", values: formValues });
    expect(actor.getSnapshot().value).toBe("confirm");
    actor.send({ type: "confirm.submit" });
    await settle();
    expect(calls.register[0]?.holderMismatchAcknowledged).toBe(true);
    expect(actor.getSnapshot().value).toBe("done");
  });

  it("R17: the mismatch is acknowledged on the form on arrival, so the form goes straight to confirm", async () => {
    const { actor, calls } = await start({ search: [searchOk(false)] });
    await toForm(actor);
    expect(actor.getSnapshot().value).toBe("form");
    expect(actor.getSnapshot().context.search?.holderCheck.matches).toBe(false);
    actor.send({ type: "holder.check", acknowledged: true });
    expect(actor.getSnapshot().context.holderMismatchAcknowledged).toBe(true);
    actor.send({ type: "form.submit", values: formValues });
    expect(actor.getSnapshot().value).toBe("confirm");
    actor.send({ type: "confirm.submit" });
    await settle();
    expect(calls.register[0]?.holderMismatchAcknowledged).toBe(true);
  });

  it("R17: an unticked acknowledgement on the form still stops at the warning dialog", async () => {
    const { actor } = await start({ search: [searchOk(false)] });
    await toForm(actor);
    actor.send({ type: "holder.check", acknowledged: true });
    actor.send({ type: "holder.check", acknowledged: false });
    actor.send({ type: "form.submit", values: formValues });
    expect(actor.getSnapshot().value).toBe("holderWarning");
    actor.send({ type: "holder.back" });
    expect(actor.getSnapshot().value).toBe("form");
    expect(actor.getSnapshot().context.holderMismatchAcknowledged).toBe(false);
  });

  it("R17: a matching holder cannot be marked acknowledged from the form", async () => {
    const { actor, calls } = await start();
    await toForm(actor);
    actor.send({ type: "holder.check", acknowledged: true });
    expect(actor.getSnapshot().context.holderMismatchAcknowledged).toBe(false);
    actor.send({ type: "form.submit", values: formValues });
    actor.send({ type: "confirm.submit" });
    await settle();
    expect(calls.register[0]?.holderMismatchAcknowledged).toBe(false);
  });

  it("R17: a new search forgets an acknowledgement given on the form", async () => {
    const { actor } = await start({ search: [searchOk(false), searchOk(false)] });
    await toForm(actor);
    actor.send({ type: "holder.check", acknowledged: true });
    actor.send({ type: "form.back" });
    submitSearch(actor);
    await settle();
    expect(actor.getSnapshot().value).toBe("form");
    expect(actor.getSnapshot().context.holderMismatchAcknowledged).toBe(false);
  });

  it("goes straight to confirm when the holder matches, and registers once on a double tap", async () => {
    const { actor, calls } = await start();
    await toForm(actor);
    actor.send({ type: "form.submit", values: formValues });
    expect(actor.getSnapshot().value).toBe("confirm");
    actor.send({ type: "confirm.submit" });
    actor.send({ type: "confirm.submit" });
    await settle();
    expect(calls.register).toHaveLength(1);
    expect(calls.register[0]).toEqual({ ...formValues, holderMismatchAcknowledged: false });
    expect(actor.getSnapshot().context).toMatchObject({
      receiptNumber: "R-0001",
      emailTo: "kouji@example.jp",
    });
  });

  it("returns to the form with the server's field errors when the input is invalid (R5)", async () => {
    const fieldErrors = {
      "department.emailConfirm": "確認用のメールアドレスが一致しません。もう一度入力してください。",
    };
    const { actor } = await start({
      register: [{ ok: false, code: "invalid", message: "入力内容を確認してください。", fieldErrors }],
    });
    await toForm(actor);
    actor.send({ type: "form.submit", values: formValues });
    actor.send({ type: "confirm.submit" });
    await settle();
    expect(actor.getSnapshot().value).toBe("form");
    expect(actor.getSnapshot().context.fieldErrors).toEqual(fieldErrors);
    expect(actor.getSnapshot().context.form).toEqual(formValues);
  });

  it("prints, reports a printer failure, and prints again", async () => {
    const { actor, calls } = await start({ print: ["fail", "ok"] });
    await toForm(actor);
    actor.send({ type: "form.submit", values: formValues });
    actor.send({ type: "confirm.submit" });
    await settle();
    actor.send({ type: "receipt.print" });
    await settle();
    expect(actor.getSnapshot().value).toEqual({ print: "failed" });
    expect(actor.getSnapshot().context.printError).toContain("印刷できませんでした");
    actor.send({ type: "receipt.print" });
    expect(actor.getSnapshot().context.printError).toBeNull();
    await settle();
    expect(actor.getSnapshot().value).toEqual({ print: "printed" });
    expect(calls.print).toBe(2);
  });
});

describe("stepOf", () => {
  it("places every screen on the step indicator", async () => {
    const { actor } = await start({ search: [searchOk(false)] });
    const steps: string[] = [REGISTRATION_STEPS[stepOf(actor.getSnapshot())]];
    await toForm(actor);
    steps.push(REGISTRATION_STEPS[stepOf(actor.getSnapshot())]);
    actor.send({ type: "form.submit", values: formValues });
    steps.push(REGISTRATION_STEPS[stepOf(actor.getSnapshot())]);
    actor.send({ type: "holder.acknowledge" });
    steps.push(REGISTRATION_STEPS[stepOf(actor.getSnapshot())]);
    actor.send({ type: "confirm.submit" });
    await settle();
    steps.push(REGISTRATION_STEPS[stepOf(actor.getSnapshot())]);
    expect(steps).toEqual(["PIN入力", "入力", "入力", "確認", "完了"]);
    expect(stepOf({ value: { search: "searching" } })).toBe(1);
    expect(stepOf({ value: { print: "printed" } })).toBe(4);
  });
});
