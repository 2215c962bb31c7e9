// What the kiosk's server actions answer. Shared by app/ (actions, screens) and the
// implementations that machines/ are provided with; plain data only, no classes.
import type { Kind } from "./kinds";

export type Failure<C extends string = string> = {
  ok: false;
  code: C;
  /** one plain Japanese sentence for the screen */
  message: string;
  /** Japanese message per form field (field name → message) */
  fieldErrors?: Record<string, string>;
  /** the manual's checklist (R11) or other guidance lines */
  hints?: string[];
};
export type Result<T, C extends string = string> = ({ ok: true } & T) | Failure<C>;

/**
 * Any kiosk action may answer this: the server could not reach its database (issue 10). The
 * kiosk leaves the visit for its ただいまご利用いただけません screen and starts over when the server
 * answers again; nothing was written.
 */
export type UnavailableCode = "unavailable";

export type AgencyView = { code: string; name: string; goods: boolean };

/** The IC card as proven by its signature (never as typed). */
export type CardView = {
  issuer: string; // e.g. OU=Demo Organization CA U8,O=LGPKI-DEMO,C=JP
  serialHex: string; // lowercase, no leading zeros
  serialDecimal: string;
  subject: string;
  holderName: string; // ICカード取得者氏名 (CN)
  holderAddress: string; // ICカード取得者住所 (ST/L, as on the card)
  companyOnCard: string; // ICカード企業名称 (O)
  notBefore: string; // ISO 8601
  notAfter: string; // ISO 8601
  fingerprint: string; // SHA-256 of the DER, hex
  /** whole days until notAfter (R18 warning under 30) */
  daysLeft: number;
};

export type ContactView = {
  contactName: string; // 連絡先名称(部署名等)
  postalCode: string; // 123-4567
  address: string;
  personName: string; // 氏名
  phone: string;
  fax: string;
  email: string;
};

/** 企業情報 as the qualification record holds it (and its 審査中 snapshot, R16). */
export type CompanyInfo = {
  companyName: string; // 業者名
  postalCode: string;
  address: string;
  representativeName: string; // 代表者等氏名
  representativeTitle: string; // 代表者等役職
  phone: string;
  fax: string;
  departmentName: string; // 部署名
};

export type CompanyView = CompanyInfo & {
  /** true while the qualification is 審査中 and the previous info is shown (R16) */
  previousInfoShown: boolean;
};

export type SessionView = { agency: AgencyView; kind: Kind };

export type ProveCardCode =
  | "session" // no kiosk session or the earlier steps were not done
  | "noCard"
  | "cardRemoved"
  | "pinIncorrect"
  | "pinLocked"
  | "pinLength"
  | "expired"
  | "notYetValid"
  | "untrusted"
  | "badSignature"
  | "nonceExpired"
  | "nonceReplayed"
  | "alreadyRegistered"
  | "cardError"
  | "unexpected"
  | UnavailableCode
  | "revoked" // R18: listed in its CA's CRL
  | "crlStale" // the CRL is past its nextUpdate
  | "crlInvalid" // the CRL does not verify against its CA (or cannot be parsed)
  | "crlUnavailable" // the CRL could not be read or fetched
  | CardPurposeCode; // 変更 / ICカード更新: the card does not fit the step (R2, R12, R13)

export type ProveCardFailure = Failure<ProveCardCode> & {
  /** PIN tries left when the card says so (R30) */
  retriesLeft?: number;
  countLow?: boolean;
  finalTry?: boolean;
};

export type ProveCardResult = { ok: true; card: CardView; warnings: string[] } | ProveCardFailure;

export type SearchCode =
  | "session"
  | "invalid"
  | "notFound"
  | "locked"
  /** R11: this visit's failed searches are used up; the server has ended the visit */
  | "visitEnded"
  | "lapsed"
  | "unexpected"
  | UnavailableCode;
export type SearchResult = Result<
  {
    userId: string;
    company: CompanyView;
    /** 代表窓口情報 already on file for this user ID (R4: then read-only), else null */
    representative: ContactView | null;
    /** R17: card company/holder vs qualification company/representative */
    holderCheck: { matches: boolean; message: string | null };
  },
  SearchCode
>;

/** The 利用者登録 form as sent to the server: see registrationFormSchema in ./schemas. */
export type { RegistrationFormInput as RegisterInput } from "./schemas";

export type RegisterCode =
  | "session"
  | "invalid"
  | "alreadyRegistered"
  | "cardRemoved"
  | "holderMismatch"
  | "alreadyDone"
  | "unexpected"
  | UnavailableCode;
export type RegisterResult = Result<{ receiptNumber: string; emailTo: string }, RegisterCode>;

export type Operation = "register" | "change" | "renewal";

/** Everything a receipt prints, snapshotted in Receipt.data when the operation commits (R41). */
export type ReceiptData = {
  number: string; // 受付番号
  operation: Operation;
  issuedAt: string; // ISO 8601
  terminalId: string;
  agency: { code: string; name: string };
  kind: Kind;
  userId: string;
  company: CompanyView; // 企業情報
  representative: ContactView; // 代表窓口情報
  card: CardView; // ICカード情報 (企業名称, 取得者氏名, 住所, serial, issuer, validity)
  department: ContactView; // ICカード利用部署情報
  /** the agencies this operation reaches tonight by the nightly batch (R21, R22) */
  propagatesTo: string[];
  /** ICカード更新: the card the registration moved from (the new one is `card`) */
  previousCard?: CardView;
};

// Issue 3 (PIN safety and the pre-flight card check). Appended rather than merged into the unions
// above so the certificate work going on beside it never collides with these lines.

/** The kiosk's own cap: two wrong PINs on one insertion and it stops asking (never the card's last tries). */
export type PinCapFailure = Failure<"pinCapped">;
/** What the PIN step answers: the card proof, or the kiosk's own cap. */
export type PinStepFailure = ProveCardFailure | PinCapFailure;
export type PinStepResult = ProveCardResult | PinCapFailure;

/** The card as read before the PIN: guidance for the bidder, never proof (proveCard re-checks all). */
export type CardFacts = Pick<
  CardView,
  "holderName" | "companyOnCard" | "issuer" | "serialHex" | "notBefore" | "notAfter" | "daysLeft"
>;

/** What the card says about its PIN before anything is typed (PKCS#11 token flags). */
export type CardPinFlags = { countLow: boolean; finalTry: boolean };

export type InspectCardCode =
  | "session"
  | "noCard"
  | "cardError"
  | "pinLocked"
  | "expired"
  | "notYetValid"
  | "untrusted"
  | "alreadyRegistered"
  | "pinCapped"
  | "revoked"
  | "crlStale"
  | "crlInvalid"
  | "crlUnavailable"
  | "unexpected"
  | UnavailableCode
  | CardPurposeCode;

export type InspectCardFailure = Failure<InspectCardCode> & { card?: CardFacts };

export type InspectCardResult =
  { ok: true; card: CardFacts; warnings: string[]; pin: CardPinFlags } | InspectCardFailure;

// Issue 4 (変更 and ICカード更新): docs/flows-change-renewal.md is the contract for these.

/** Why a card is being proven: the server checks the rule that goes with it (R1, R2, R12, R13). */
export type PinPurpose = "register" | "change" | "renewalOld" | "renewalNew";

/** The card does not fit the 変更 / 更新 step; each has its own message (app/_server/card/refusals.ts). */
/**
 * Why a card cannot 変更 or be the old card of 更新 (R2): never registered here, replaced by a
 * renewal (R12), or its user ID lapsed (R15). Only the first is a card 登録 can still take (R1).
 */
export type NotActiveCode =
  | "notRegistered" // not registered for this kind at this agency (R2)
  | "replacedCard" // replaced by ICカード更新: the new card is the one to use (R12)
  | "lapsedUserId"; // the user ID lapsed: its successor needs a card not yet registered (R15, R1)

export type CardPurposeCode =
  | NotActiveCode // 変更 / old card: not registered and active for this kind here (R2, R12, R15)
  | "oldCardExpired" // old card expired: use 登録 (R13)
  | "sameCard" // the old card inserted again as the new one
  | "issuerDiffers" // new card from another CA: use 登録 (R13)
  | "companyDiffers"; // ICカード企業名称 differs from the old card's (R13)

/** One agency of the user ID's qualification; `current` is the one chosen at this visit. */
export type AgencyChoice = { name: string; current: boolean };

export type ChangeCode = "session" | NotActiveCode | "unexpected" | UnavailableCode;
export type LoadChangeResult = Result<
  {
    userId: string;
    company: CompanyView;
    representative: ContactView;
    department: ContactView;
    card: CardView;
    agencies: AgencyChoice[];
  },
  ChangeCode
>;

/** The 変更 form as sent to the server: see changeFormSchema in ./schemas. */
export type { ChangeFormInput as ChangeInput } from "./schemas";

/** What 変更 and 更新 answer: the receipt, where the email goes, and who follows tonight (R22). */
export type FlowDone = { receiptNumber: string; emailTo: string; propagatesTo: string[] };

export type SubmitChangeCode =
  "session" | "invalid" | NotActiveCode | "cardRemoved" | "alreadyDone" | "unexpected" | UnavailableCode;
export type SubmitChangeResult = Result<FlowDone, SubmitChangeCode>;

export type LoadRenewalResult = Result<
  { userId: string; company: CompanyView; old: CardView; new: CardView; agencies: AgencyChoice[] },
  // the new card may have been registered elsewhere since its PIN step (R13)
  ChangeCode | "alreadyRegistered"
>;

export type SubmitRenewalCode =
  | "session"
  | "invalid"
  | NotActiveCode
  | "alreadyRegistered"
  | "cardRemoved"
  | "alreadyDone"
  | "unexpected"
  | UnavailableCode;
export type SubmitRenewalResult = Result<FlowDone, SubmitRenewalCode>;
