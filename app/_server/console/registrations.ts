import "server-only";
import { db } from "@/app/_server/db";
import { readTextField } from "@/app/_shared/text-field";
import { charLength } from "@/app/_shared/text-policy";
import type { Prisma } from "@/prisma/client";

export type RegistrationQuery = { userId?: string; company?: string; serial?: string };
export type RegistrationQueryField = keyof RegistrationQuery;

export type ParsedRegistrationQuery =
  | { ok: true; query: RegistrationQuery; empty: boolean }
  | { ok: false; fieldErrors: Partial<Record<RegistrationQueryField, string>> };

const FULL_WIDTH = /[０-９Ａ-Ｚａ-ｚ]/;
const MAX_COMPANY = 100;

/**
 * The search form's three keys, each checked on its own (a bad one is named at its field): ユーザID
 * exactly 10 half-width digits; company any text (contains); card serial in hex, as the receipt
 * prints it — case and leading zeros do not matter, colons and spaces between bytes are allowed.
 */
export function parseRegistrationQuery(input: Record<string, string | undefined>): ParsedRegistrationQuery {
  const fieldErrors: Partial<Record<RegistrationQueryField, string>> = {};
  const query: RegistrationQuery = {};

  const userId = (input.userId ?? "").trim();
  if (userId) {
    if (FULL_WIDTH.test(userId)) fieldErrors.userId = "ユーザIDは半角数字で入力してください。";
    else if (!/^\d{10}$/.test(userId)) fieldErrors.userId = "ユーザIDは半角数字10桁で入力してください。";
    else query.userId = userId;
  }

  // the text policy first (issue 12 item 2): a control or invisible character is named, not searched
  const typedCompany = readTextField("企業名", input.company ?? "", { required: false });
  const company = typedCompany.ok ? typedCompany.value.normalize("NFKC").trim() : "";
  if (!typedCompany.ok) fieldErrors.company = typedCompany.message;
  else if (company) {
    if (charLength(company) > MAX_COMPANY)
      fieldErrors.company = `企業名は${MAX_COMPANY}文字以内で入力してください。`;
    else query.company = company;
  }

  const serialRaw = (input.serial ?? "").trim();
  if (serialRaw) {
    const hex = serialRaw.normalize("NFKC").replace(/[\s:]/g, "").replace(/^0x/i, "");
    if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length > 128) {
      fieldErrors.serial = "シリアル番号は16進数（0〜9、A〜F）で入力してください。";
    } else {
      query.serial = hex.toLowerCase().replace(/^0+(?=.)/, "");
    }
  }

  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return { ok: true, query, empty: Object.keys(query).length === 0 };
}

export type RegistrationHit = {
  id: string;
  status: string;
  userId: string;
  kind: string;
  officialName: string;
  holderName: string;
  companyOnCard: string;
  issuer: string;
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  agencyName: string;
  createdAt: Date;
};

export const SEARCH_LIMIT = 100;

/** Card registrations matching every given key, newest first (at most SEARCH_LIMIT). */
export async function searchRegistrations(query: RegistrationQuery): Promise<RegistrationHit[]> {
  const where: Prisma.CardRegistrationWhereInput[] = [];
  if (query.userId) where.push({ qualification: { userId: query.userId } });
  if (query.company) {
    const c = query.company;
    where.push({
      OR: [
        { qualification: { officialName: { contains: c } } },
        { qualification: { companyName: { contains: c } } },
        { companyOnCard: { contains: c } },
      ],
    });
  }
  if (query.serial) where.push({ serialNumber: query.serial });
  if (where.length === 0) return [];
  const rows = await db().cardRegistration.findMany({
    where: { AND: where },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: SEARCH_LIMIT,
    select: {
      id: true,
      status: true,
      kind: true,
      holderName: true,
      companyOnCard: true,
      issuer: true,
      serialNumber: true,
      notBefore: true,
      notAfter: true,
      createdAt: true,
      agency: { select: { name: true } },
      qualification: { select: { userId: true, officialName: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    userId: r.qualification.userId,
    kind: r.kind,
    officialName: r.qualification.officialName,
    holderName: r.holderName,
    companyOnCard: r.companyOnCard,
    issuer: r.issuer,
    serialNumber: r.serialNumber,
    notBefore: r.notBefore,
    notAfter: r.notAfter,
    agencyName: r.agency.name,
    createdAt: r.createdAt,
  }));
}

export type CardLink = { id: string; serialNumber: string; holderName: string; status: string };

export type RegistrationDetail = {
  id: string;
  status: string;
  kind: string;
  agencyName: string;
  createdAt: Date;
  card: {
    issuer: string;
    serialNumber: string;
    subject: string;
    notBefore: Date;
    notAfter: Date;
    holderName: string;
    holderAddress: string;
    companyOnCard: string;
    fingerprint: string;
  };
  /** ICカード利用部署情報 */
  department: {
    contactName: string;
    postalCode: string;
    address: string;
    personName: string;
    phone: string;
    fax: string;
    email: string;
  };
  qualification: { userId: string; officialName: string; companyName: string; status: string };
  /** 代表窓口情報 of the user ID + kind (R3), when registered */
  representative: RegistrationDetail["department"] | null;
  receipts: { number: string; operation: string; createdAt: Date; agencyName: string; terminalId: string }[];
  /** the card this one replaced (ICカード更新) and the one that replaced it */
  replaces: CardLink | null;
  replacedBy: CardLink | null;
};

const contactSelect = {
  contactName: true,
  postalCode: true,
  address: true,
  personName: true,
  phone: true,
  fax: true,
  email: true,
} as const;

const linkSelect = { id: true, serialNumber: true, holderName: true, status: true } as const;

/** One card registration with what the helpdesk asks about it; null for an unknown id. */
export async function registrationDetail(id: string): Promise<RegistrationDetail | null> {
  if (id.length === 0 || id.length > 64) return null;
  const r = await db().cardRegistration.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      kind: true,
      createdAt: true,
      issuer: true,
      serialNumber: true,
      subject: true,
      notBefore: true,
      notAfter: true,
      holderName: true,
      holderAddress: true,
      companyOnCard: true,
      fingerprint: true,
      ...contactSelect,
      agency: { select: { name: true } },
      qualification: {
        select: {
          userId: true,
          officialName: true,
          companyName: true,
          status: true,
          userRegistration: { select: contactSelect },
        },
      },
      receipts: {
        orderBy: { createdAt: "asc" },
        select: {
          number: true,
          operation: true,
          createdAt: true,
          terminalId: true,
          agency: { select: { name: true } },
        },
      },
      replaces: { select: linkSelect },
      replacedBy: { select: linkSelect },
    },
  });
  if (!r) return null;
  const { userRegistration, ...qualification } = r.qualification;
  return {
    id: r.id,
    status: r.status,
    kind: r.kind,
    agencyName: r.agency.name,
    createdAt: r.createdAt,
    card: {
      issuer: r.issuer,
      serialNumber: r.serialNumber,
      subject: r.subject,
      notBefore: r.notBefore,
      notAfter: r.notAfter,
      holderName: r.holderName,
      holderAddress: r.holderAddress,
      companyOnCard: r.companyOnCard,
      fingerprint: r.fingerprint,
    },
    department: {
      contactName: r.contactName,
      postalCode: r.postalCode,
      address: r.address,
      personName: r.personName,
      phone: r.phone,
      fax: r.fax,
      email: r.email,
    },
    qualification,
    representative: userRegistration,
    receipts: r.receipts.map((x) => ({
      number: x.number,
      operation: x.operation,
      createdAt: x.createdAt,
      agencyName: x.agency.name,
      terminalId: x.terminalId,
    })),
    replaces: r.replaces,
    replacedBy: r.replacedBy,
  };
}
