import "server-only";
import type { AgencyChoice, CompanyInfo, CompanyView, ContactView } from "@/app/_shared/contracts";
import { normalizeName } from "@/app/_shared/schemas";
import { db } from "../db";

// The qualification record (競争入札参加資格審査情報) as the kiosk reads it: found by user ID and
// kind for the search, loaded whole once matched, and the facts the flows take from it — the
// company as shown (R16), the R17 holder check, the user ID's agencies (R21, R22).

export function findQualification(userId: string, kind: string) {
  return db().qualification.findUnique({
    where: { userId_kind: { userId, kind } },
    include: { agencies: { select: { agencyId: true } }, userRegistration: true },
  });
}

type QualificationRow = CompanyInfo & { status: string; previousCompany: unknown };

export function companyView(q: QualificationRow): CompanyView {
  // R16: while a change is under review the previous company info is what is shown
  const shown =
    q.status === "reviewing" && q.previousCompany && typeof q.previousCompany === "object"
      ? (q.previousCompany as CompanyInfo)
      : q;
  return {
    companyName: shown.companyName,
    postalCode: shown.postalCode,
    address: shown.address,
    representativeName: shown.representativeName,
    representativeTitle: shown.representativeTitle,
    phone: shown.phone,
    fax: shown.fax,
    // a 審査中 snapshot from before the column existed has none
    departmentName: shown.departmentName ?? "",
    previousInfoShown: shown !== q,
  };
}

/** The contact fields of a row or a validated form block (代表窓口情報, 部署), nothing else. */
export function contactOf(row: ContactView): ContactView {
  const { contactName, postalCode, address, personName, phone, fax, email } = row;
  return { contactName, postalCode, address, personName, phone, fax, email };
}

/** The same contact, field by field: a repeated submit's input against its receipt's snapshot. */
export function sameContact(a: ContactView, b: ContactView): boolean {
  return JSON.stringify(contactOf(a)) === JSON.stringify(contactOf(b));
}

/** R17: the card must belong to the contract holder (or, in Saitama, the representative). */
export function holderCheck(
  card: { companyOnCard: string; holderName: string },
  q: { officialName: string; representativeName: string; previousCompany: unknown },
): { matches: true; message: null } | { matches: false; message: string } {
  const previous = q.previousCompany as { representativeName?: string } | null;
  const names = [q.representativeName, previous?.representativeName].filter((n): n is string => !!n);
  const companyOk = normalizeName(card.companyOnCard) === normalizeName(q.officialName);
  const holderOk = names.some((n) => normalizeName(n) === normalizeName(card.holderName));
  if (companyOk && holderOk) return { matches: true, message: null };
  return {
    matches: false,
    message:
      "ICカードの名義が競争入札参加資格の契約者（または法人の代表者）と一致しません。" +
      "このまま登録すると、このICカードでは入札できない場合があります。ICカード企業名称と取得者氏名をご確認ください。",
  };
}

/** The visit's qualification, whole: its agencies and the user ID's 代表窓口情報 (R4). */
export async function loadMatchedQualification(id: string) {
  const q = await db().qualification.findUniqueOrThrow({
    where: { id },
    include: { agencies: { include: { agency: true } }, userRegistration: true },
  });
  return { ...q, company: companyView(q) };
}

export type Matched = Awaited<ReturnType<typeof loadMatchedQualification>>;

/** Every agency of the user ID's qualification, the one of this visit marked (R22's choice). */
export function agencyChoices(q: Matched, currentAgencyId: string): AgencyChoice[] {
  return [...q.agencies]
    .sort((a, b) => a.agency.sortOrder - b.agency.sortOrder || a.agency.code.localeCompare(b.agency.code))
    .map((a) => ({ name: a.agency.name, current: a.agencyId === currentAgencyId }));
}

/** The other agencies where the user ID holds the qualification: the nightly batch's targets. */
export function otherAgencies(q: Matched, currentAgencyId: string) {
  return q.agencies.filter((a) => a.agencyId !== currentAgencyId).map((a) => a.agency);
}
