import type {
  AgencyView,
  CardView,
  Failure,
  RegisterInput,
  RegisterResult,
  SearchResult,
} from "../app/_shared/contracts";
import type { Kind } from "../app/_shared/kinds";
import type { Concealed } from "./concealed";
import type { CardEvent } from "./pin.types";
import type { PostalAnswers, PostalLookupEvent } from "./postal-lookup";

export type RegistrationInput = { agency: AgencyView; kind: Kind; cardPresent: boolean };

/**
 * Back to the menu; or the visit ends: the card was taken out before the commit (R31), or the
 * visit's searches ran out (R11).
 */
export type RegistrationOutput = { cancelled: true } | { cardRemoved: true } | { visitEnded: true };

/** A matched qualification: what the form and the R17 check need. */
export type SearchView = Omit<Extract<SearchResult, { ok: true }>, "ok">;

/** The search password goes to the actor concealed and is never kept in context (R11). */
export type SearchActorInput = { officialName: string; userId: string; password: Concealed };

export type Registered = Omit<Extract<RegisterResult, { ok: true }>, "ok">;

/** What the registration screens send it (the PIN screen sends to the pin child), and the card. */
export type RegistrationEvent =
  | CardEvent
  | { type: "refusal.back" }
  | { type: "search.submit"; officialName: string; userId: string; password: string }
  | { type: "search.back" }
  /** R11: the bidder read the checklist of a visit that ended at its 5th failed search */
  | { type: "searchLimit.end" }
  | { type: "form.submit"; values: RegisterInput }
  | { type: "form.back" }
  | PostalLookupEvent
  /** R17 on the form: the bidder ticks (or unticks) 名義を確認しました beside the mismatch */
  | { type: "holder.check"; acknowledged: boolean }
  | { type: "holder.acknowledge" }
  | { type: "holder.back" }
  | { type: "confirm.submit" }
  | { type: "confirm.back" }
  | { type: "receipt.print" };

export type RegistrationContext = {
  agency: AgencyView;
  kind: Kind;
  cardPresent: boolean;
  card: CardView | null;
  /** e.g. the R18 "expires within 30 days" notice from proveCard */
  warnings: string[];
  search: SearchView | null;
  /** the generic R11 failure with its checklist; never says which field was wrong */
  searchFailure: Failure | null;
  /** the submitted form values (contact blocks), kept for confirm and for 戻る */
  form: RegisterInput | null;
  /** each contact block's last 郵便番号 → 住所 answer while the form is open */
  postal: PostalAnswers;
  holderMismatchAcknowledged: boolean;
  fieldErrors: Record<string, string> | null;
  /** why the flow stopped: PIN refusal (e.g. 既に登録されています) or a refused registration */
  failure: Failure | null;
  receiptNumber: string | null;
  emailTo: string | null;
  printError: string | null;
};

/** The registration flow's screens, in the order of the step indicator. */
export const REGISTRATION_STEPS = ["PIN入力", "資格情報検索", "入力", "確認", "完了"] as const;
export type RegistrationStep = (typeof REGISTRATION_STEPS)[number];
