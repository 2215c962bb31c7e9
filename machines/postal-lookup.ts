// 郵便番号 → 住所 in a contact form (登録's and 変更's `form`). The screen sends `postal.lookup`
// when the bidder leaves a 郵便番号 field; for a complete code the flow starts its named actor
// `lookupPostalCode` and keeps the answer per contact block in context, where the form picks it
// up to fill 住所 and say what happened. The lookup is spawned, not invoked, so that `form` stays
// one atomic state (what the screens, the step indicator and the tests read); each block has its
// own lookup, so one block's code never cancels the other's, and a newer code in the same block
// replaces the older one. Leaving the form stops both and forgets their answers.
import { assign, enqueueActions } from "xstate";
import type { EventObject, PromiseActorLogic } from "xstate";
import { MESSAGES } from "./messages";

export type ContactBlockName = "representative" | "department";
const BLOCKS: readonly ContactBlockName[] = ["representative", "department"];

export type PostalLookupInput = { postalCode: string };
/** The injected lookup's answer: the address for the code, or why there is none. */
export type PostalLookupResult = { ok: true; address: string } | { ok: false; code: string; message: string };
export type PostalLookupEvent = { type: "postal.lookup"; block: ContactBlockName; postalCode: string };

/** One block's last answer as the form shows it. A new object per answer: the form applies each once. */
export type PostalAnswer = { ok: true; address: string } | { ok: false; message: string };
export type PostalAnswers = Record<ContactBlockName, PostalAnswer | null>;

export const NO_POSTAL_ANSWERS: PostalAnswers = { representative: null, department: null };

/** The lookup's child id for one block; both are typed in the flows' `children`. */
export function postalLookupId<TBlock extends ContactBlockName>(block: TBlock) {
  return `lookupPostalCode.${block}` as const;
}

// What the bidder types: 330-0063, 3300063, full-width digits, the dashes a Japanese IME gives.
const COMPLETE_CODE = /^\s*[0-9０-９]{3}[-ー－‐]?[0-9０-９]{4}\s*$/;

type Request = { block: ContactBlockName; postalCode: string };
type Answered = { block: ContactBlockName; result: PostalLookupResult | null };
type LookupActor = {
  src: "lookupPostalCode";
  logic: PromiseActorLogic<PostalLookupResult, PostalLookupInput>;
  id: ReturnType<typeof postalLookupId>;
};

export const postalLookupGuards = {
  isCompletePostalCode: (_: unknown, params: Request) => COMPLETE_CODE.test(params.postalCode),
};

/**
 * The lookup's actions for one flow's setup(), typed with its context and events (xstate checks
 * actions against the machine they run in); `lookupPostalCode` must be among its actors.
 */
export function postalLookupActions<
  TContext extends { postal: PostalAnswers },
  TEvent extends EventObject,
>() {
  type Enqueued<TParams extends Request | undefined> = Parameters<
    typeof enqueueActions<TContext, TEvent, TParams, TEvent, LookupActor, never, never, never, never>
  >[0];
  const enqueued = <TParams extends Request | undefined>(collect: Enqueued<TParams>) =>
    enqueueActions<TContext, TEvent, TParams, TEvent, LookupActor, never, never, never, never>(collect);
  return {
    lookUpPostalCode: enqueued<Request>(({ enqueue }, params) => {
      const id = postalLookupId(params.block);
      enqueue.stopChild(id);
      enqueue.spawnChild("lookupPostalCode", { id, input: { postalCode: params.postalCode } });
    }),
    stopPostalLookups: enqueued<undefined>(({ enqueue }) => {
      for (const block of BLOCKS) enqueue.stopChild(postalLookupId(block));
    }),
    // `result: null` is a lookup that threw: the form still gets a sentence to show.
    storePostalAnswer: assign<TContext, TEvent, Answered, TEvent, never>(({ context }, { block, result }) => {
      const answer: PostalAnswer =
        result === null
          ? { ok: false, message: MESSAGES.postalFailed }
          : result.ok
            ? { ok: true, address: result.address }
            : { ok: false, message: result.message };
      return { postal: { ...context.postal, [block]: answer } } as Partial<TContext>;
    }),
    clearPostalAnswers: assign<TContext, TEvent, undefined, TEvent, never>(
      () => ({ postal: NO_POSTAL_ANSWERS }) as Partial<TContext>,
    ),
  };
}

const request = ({ event }: { event: PostalLookupEvent }): Request => ({
  block: event.block,
  postalCode: event.postalCode,
});

function answers<TBlock extends ContactBlockName>(block: TBlock) {
  const done = ({ event }: { event: { output: PostalLookupResult } }): Answered => ({
    block,
    result: event.output,
  });
  return {
    done: { actions: { type: "storePostalAnswer", params: done } },
    error: { actions: { type: "storePostalAnswer", params: { block, result: null } } },
  } as const;
}

const representative = answers("representative");
const department = answers("department");

/** `form`'s part of the lookup: its exit and the events it hears (spread into its `on`). */
export const POSTAL_LOOKUP = {
  exit: ["stopPostalLookups", "clearPostalAnswers"],
  on: {
    "postal.lookup": {
      guard: { type: "isCompletePostalCode", params: request },
      actions: { type: "lookUpPostalCode", params: request },
    },
    "xstate.done.actor.lookupPostalCode.representative": representative.done,
    "xstate.error.actor.lookupPostalCode.representative": representative.error,
    "xstate.done.actor.lookupPostalCode.department": department.done,
    "xstate.error.actor.lookupPostalCode.department": department.error,
  },
} as const;
