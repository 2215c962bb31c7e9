import "server-only";
import { db } from "@/app/_server/db";
import { normalizeCode, type CertifiedFields } from "@/app/_server/receipts/verification-code";
import {
  certifiedFields,
  parseQrText,
  QR_PREFIX,
  verifyReceiptCode,
} from "@/app/_server/receipts/verification";
import type { ReceiptData } from "@/app/_shared/contracts";
import { readTextField } from "@/app/_shared/text-field";

// 受付証明の照合 (issue 13 item 3): one field takes what a USB scanner types from the receipt's QR
// code, or the 受付番号 and 照合コード typed by hand. The QR carries the certified fields, so its
// code is checked against them and then the registry is asked; a typed code is checked against the
// registry's own snapshot of that receipt, the only place its fields can come from.

export type VerifyField = keyof CertifiedFields;

export const FIELD_LABELS: Record<VerifyField, string> = {
  number: "受付番号",
  userId: "ユーザID",
  operation: "受付の種類",
  serialHex: "証明書シリアル番号",
  issuedOn: "発行日",
};

export type VerifyQuery =
  { kind: "qr"; fields: CertifiedFields; code: string } | { kind: "typed"; number: string; code: string };

export type ParsedVerifyInput = { ok: true; query: VerifyQuery | null } | { ok: false; message: string };

const TYPED = /^(\d{8}-\d{4,9})[\s-]+([0-9A-Za-z][0-9A-Za-z\s-]*)$/;

/** The field's text as a query, null when empty, or the message to show at the field. */
export function parseVerifyInput(raw: string | undefined): ParsedVerifyInput {
  const typed = readTextField("照合する内容", raw ?? "", { required: false, max: 300 });
  if (!typed.ok) return { ok: false, message: typed.message };
  const text = typed.value.normalize("NFKC").trim();
  if (!text) return { ok: true, query: null };
  if (text.toUpperCase().startsWith(`${QR_PREFIX}/`)) {
    const qr = parseQrText(text);
    if (!qr.ok) {
      return {
        ok: false,
        message: "QRコードの内容を読み取れませんでした。受付票のQRコードをもう一度読み取ってください。",
      };
    }
    return { ok: true, query: { kind: "qr", fields: qr.fields, code: qr.code } };
  }
  const match = TYPED.exec(text);
  if (!match) {
    return {
      ok: false,
      message: "受付番号（例: 20261126-0007）と照合コードを、間に空白を入れて入力してください。",
    };
  }
  const code = normalizeCode(match[2]!);
  if (!code) {
    return {
      ok: false,
      message:
        "照合コードは英数字16文字です（例: ABCD-EFGH-JKMN-PQRS）。受付票の照合コードを確認してください。",
    };
  }
  return { ok: true, query: { kind: "typed", number: match[1]!, code } };
}

export type Certified = CertifiedFields & { companyName: string | null };

export type VerifyResult =
  | {
      verdict: "genuine";
      certified: Certified;
      /** "same": the registry holds this receipt as certified; "absent": it does not hold it */
      registry: "same" | "absent" | { differs: VerifyField[] };
    }
  | { verdict: "notGenuine"; message: string; differs: VerifyField[] }
  | { verdict: "unknownReceipt"; message: string };

const TAMPERED = "受付証明の内容が改ざんされているおそれがあります。";

function differingFields(a: CertifiedFields, b: CertifiedFields): VerifyField[] {
  return (Object.keys(FIELD_LABELS) as VerifyField[]).filter((field) => a[field] !== b[field]);
}

async function storedReceipt(number: string): Promise<ReceiptData | null> {
  const row = await db().receipt.findUnique({ where: { number }, select: { data: true } });
  return row && typeof row.data === "object" && row.data !== null
    ? (row.data as unknown as ReceiptData)
    : null;
}

/** 商号又は名称 of the user ID in the qualification registry (the receipt's business kind first). */
async function companyName(userId: string, kind: string | undefined): Promise<string | null> {
  const rows = await db().qualification.findMany({
    where: { userId },
    select: { kind: true, officialName: true },
  });
  return (rows.find((r) => r.kind === kind) ?? rows[0])?.officialName ?? null;
}

export async function verifyReceipt(query: VerifyQuery): Promise<VerifyResult> {
  const number = query.kind === "qr" ? query.fields.number : query.number;
  const stored = await storedReceipt(number);
  const storedFields = stored ? certifiedFields(stored) : null;

  if (query.kind === "typed") {
    if (!stored || !storedFields) {
      return {
        verdict: "unknownReceipt",
        message: `受付番号 ${number} の受付票は台帳にありません。受付番号を確認してください。`,
      };
    }
    if (!verifyReceiptCode(storedFields, query.code)) {
      return {
        verdict: "notGenuine",
        message: `照合コードが一致しません。受付番号と照合コードの入力に誤りがないか確認してください。誤りがなければ、${TAMPERED}`,
        differs: [],
      };
    }
    const certified = { ...storedFields, companyName: await companyName(storedFields.userId, stored.kind) };
    return { verdict: "genuine", certified, registry: "same" };
  }

  const claimed = query.fields;
  if (!verifyReceiptCode(claimed, query.code)) {
    const differs = storedFields ? differingFields(claimed, storedFields) : [];
    const which = differs.map((f) => FIELD_LABELS[f]).join("、");
    const message = differs.length
      ? `照合コードが一致しません。受付票の${which}が台帳の記録と異なります。${TAMPERED}`
      : storedFields
        ? `照合コードが一致しません。照合コードが書き換えられているか、読み取りに誤りがあります。${TAMPERED}`
        : `照合コードが一致しません。${TAMPERED}（この受付番号の受付票は台帳にもありません）`;
    return { verdict: "notGenuine", message, differs };
  }
  const certified = { ...claimed, companyName: await companyName(claimed.userId, stored?.kind) };
  if (!storedFields) return { verdict: "genuine", certified, registry: "absent" };
  const differs = differingFields(claimed, storedFields);
  return { verdict: "genuine", certified, registry: differs.length ? { differs } : "same" };
}
