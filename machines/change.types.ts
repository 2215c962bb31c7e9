// The change machine's types (machines/change.machine.ts): what it takes, holds, answers and hears.
import type {
  AgencyView,
  CardView,
  CompanyView,
  ContactView,
  Failure,
  Result,
} from "../app/_shared/contracts";
import type { Kind } from "../app/_shared/kinds";
import type { ContactInput } from "../app/_shared/schemas";
import type { PinEvent } from "./pin.types";

export type FlowInput = { agency: AgencyView; kind: Kind; cardPresent: boolean };

/** How a flow hands control back to the kiosk: to the menu, or on to 登録 with the card in hand. */
export type FlowOutput = { cancelled: true } | { switchTo: "register" };

/** An agency where the user ID holds the qualification; `current` is the one chosen at screen 1. */
export type AgencyChoice = { name: string; current: boolean };

/** What loadChange answers once the card is proven for 変更 (docs/flows-change-renewal.md). */
export type ChangeView = {
  userId: string;
  company: CompanyView;
  representative: ContactView;
  department: ContactView;
  card: CardView;
  agencies: AgencyChoice[];
};
export type LoadChangeResult = Result<ChangeView>;

/** The 利用者変更 form as the screen sends it: both contact blocks, emails entered twice (R5). */
export type ChangeFormValues = { representative: ContactInput; department: ContactInput };

/** submitChange's input: the form plus the R22 choice, which the machine (not the form) owns. */
export type ChangeInput = ChangeFormValues & { propagate: boolean };

/** A committed 変更 or 更新: receipt, where the email went, which agencies the batch updates (R22). */
export type Submitted = { receiptNumber: string; emailTo: string; propagatesTo: string[] };
export type SubmitChangeResult = Result<Submitted>;

export type ChangeEvent =
  | PinEvent
  | { type: "refusal.back" }
  | { type: "refusal.register" }
  | { type: "form.submit"; values: ChangeFormValues }
  | { type: "form.back" }
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
