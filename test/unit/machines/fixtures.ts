// Shared fakes and data for the machine tests: real actors, fake effects at the edge.
import { fromPromise } from "xstate";
import type {
  CardFacts,
  CardView,
  ContactView,
  InspectCardResult,
  RegisterInput,
  SearchResult,
} from "@/app/_shared/contracts";
import type { ContactInput } from "@/app/_shared/schemas";
import type { PostalLookupResult } from "@/machines";

export const PIN = "1234";
export const PASSWORD = "Saitama1";

export const card: CardView = {
  issuer: "OU=Demo Organization CA U8,O=LGPKI-DEMO,C=JP",
  serialHex: "1a2b",
  serialDecimal: "6699",
  subject: "CN=埼玉 太郎,O=株式会社さいたま建設,C=JP",
  holderName: "埼玉 太郎",
  holderAddress: "埼玉県さいたま市浦和区高砂3-15-1",
  companyOnCard: "株式会社さいたま建設",
  notBefore: "2026-01-01T00:00:00.000Z",
  notAfter: "2028-01-01T00:00:00.000Z",
  fingerprint: "ab".repeat(32),
  daysLeft: 700,
};

const representative: ContactView = {
  contactName: "総務部",
  postalCode: "330-0063",
  address: "埼玉県さいたま市浦和区高砂3-15-1",
  personName: "埼玉 太郎",
  phone: "048-000-0000",
  fax: "048-000-0001",
  email: "soumu@example.jp",
};

export function searchOk(matches = true): SearchResult {
  return {
    ok: true,
    userId: "1000000001",
    company: {
      companyName: "株式会社さいたま建設 さいたま支店",
      postalCode: "330-0063",
      address: "埼玉県さいたま市浦和区高砂3-15-1",
      representativeName: "埼玉 太郎",
      representativeTitle: "支店長",
      phone: "048-000-0000",
      fax: "048-000-0001",
      departmentName: "",
      previousInfoShown: false,
    },
    representative: null,
    holderCheck: matches
      ? { matches: true, message: null }
      : { matches: false, message: "ICカードの取得者と代表者が一致しません。" },
  };
}

export const searchNotFound: SearchResult = {
  ok: false,
  code: "notFound",
  message: "資格審査情報が登録されていません",
  hints: ["調達機関は正しいですか。"],
};

/** R11: the visit's 5th failed search; the server has ended the visit */
export const searchVisitEnded: SearchResult = {
  ok: false,
  code: "visitEnded",
  message: "資格審査情報が登録されていません。検索に5回失敗したため、受付を終了します。",
  hints: ["調達機関は正しいですか。"],
};

const contact: ContactInput = { ...representative, emailConfirm: representative.email };
export const formValues: RegisterInput = {
  representative: contact,
  department: { ...contact, contactName: "工事部" },
  holderMismatchAcknowledged: false,
};

export const session = {
  ok: true as const,
  agency: { code: "110000", name: "埼玉県", goods: true },
  kind: "construction" as const,
};

/**
 * A fake effect that answers from a script, one entry per call (an Error entry is thrown), and
 * records every input it was called with.
 */
export function scripted<TOutput, TInput>(script: Array<TOutput | Error>) {
  const calls: TInput[] = [];
  const queue = [...script];
  const logic = fromPromise<TOutput, TInput>(async ({ input }) => {
    calls.push(input);
    // Past the script the effect never answers, like a server that is still working.
    if (queue.length === 0) return new Promise<TOutput>(() => {});
    const next = queue.shift() as TOutput | Error;
    if (next instanceof Error) throw next;
    return next;
  });
  return { logic, calls, queue };
}

/** Lets settled promises reach the machines (fake effects resolve in microtasks). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** The pre-flight's view of `card`: read before the PIN, usable (issue 3). */
export const facts: CardFacts = {
  holderName: card.holderName,
  companyOnCard: card.companyOnCard,
  issuer: card.issuer,
  serialHex: card.serialHex,
  notBefore: card.notBefore,
  notAfter: card.notAfter,
  daysLeft: card.daysLeft,
};
export const usable: InspectCardResult = {
  ok: true,
  card: facts,
  warnings: [],
  pin: { countLow: false, finalTry: false },
};

/** 郵便番号 → 住所 for the tests that do not look at it: always found. */
export async function foundAddress(): Promise<PostalLookupResult> {
  return { ok: true, address: "埼玉県さいたま市浦和区高砂" };
}
