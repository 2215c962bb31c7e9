// The change machine's types (machines/change.machine.ts): what it takes, holds, answers and hears.
import type {
  AgencyView,
  CardView,
  ChangeInput,
  Failure,
  FlowDone,
  LoadChangeResult,
} from "../app/_shared/contracts";
import type { Kind } from "../app/_shared/kinds";
import type { CardEvent } from "./pin.types";
import type { PostalAnswers, PostalLookupEvent } from "./postal-lookup";

export type {
  AgencyChoice,
  ChangeInput,
  FlowDone,
  LoadChangeResult,
  SubmitChangeResult,
} from "../app/_shared/contracts";

export type FlowInput = { agency: AgencyView; kind: Kind; cardPresent: boolean };

/**
 * How a flow hands control back to the kiosk: to the menu, on to 登録 with the card in hand, or
 * (before the commit) the card was taken out and the visit ends (R31).
 */
export type FlowOutput = { cancelled: true } | { switchTo: "register" } | { cardRemoved: true };

/** The registration as loadChange answers it once the card is proven for 変更. */
export type ChangeView = Omit<Extract<LoadChangeResult, { ok: true }>, "ok">;

/**
 * The 利用者変更 form as the screen sends it: both contact blocks, emails entered twice (R5). The
 * R22 choice is not part of it: the machine owns it and adds it to submitChange's input.
 */
export type ChangeFormValues = Omit<ChangeInput, "propagate">;

/** A committed 変更 or 更新: receipt, where the email went, which agencies the batch updates (R22). */
export type Submitted = FlowDone;

/** What the 変更 screens send it (the PIN screen sends to the pin child), and the card. */
export type ChangeEvent =
  | CardEvent
  | { type: "refusal.back" }
  | { type: "refusal.register" }
  | { type: "form.submit"; values: ChangeFormValues }
  | { type: "form.back" }
  | PostalLookupEvent
  | { type: "propagate.toggle" }
  | { type: "confirm.submit" }
  | { type: "confirm.back" }
  | { type: "receipt.print" };

export type ChangeContext = {
  agency: AgencyView;
  kind: Kind;
  cardPresent: boolean;
  card: CardView | null;
  /** e.g. the R18 "expires within 30 days" notice from proveCard */
  warnings: string[];
  /** the registration as loaded: prefills the form, read-only 企業情報, agencies for R22 */
  view: ChangeView | null;
  /** the submitted form values, kept for confirm and for 戻る */
  form: ChangeFormValues | null;
  /** each contact block's last 郵便番号 → 住所 answer while the form is open */
  postal: PostalAnswers;
  /** R22: reflect the change to the other agencies (unchecked until the bidder ticks it) */
  propagate: boolean;
  fieldErrors: Record<string, string> | null;
  /** why the flow stopped: PIN refusal (e.g. not registered, R2) or a refused change */
  failure: Failure | null;
  receiptNumber: string | null;
  emailTo: string | null;
  propagatesTo: string[];
  printError: string | null;
};

/** The change flow's screens, in the order of the step indicator. */
export const CHANGE_STEPS = ["PIN入力", "入力", "確認", "完了"] as const;
export type ChangeStep = (typeof CHANGE_STEPS)[number];
