import type { Metadata } from "next";
import Link from "next/link";
import {
  FIELD_LABELS,
  parseVerifyInput,
  verifyReceipt,
  type VerifyResult,
} from "@/app/_server/console/receipt-verify";
import { requireStaffPage } from "@/app/_server/staff/auth";
import { ConsoleField } from "../_components/ConsoleField";
import { operationLabel } from "../_components/ConsoleFormat";
import { firstValues, type SearchParams } from "../_components/ConsoleParams";
import { ConsoleRows } from "../_components/ConsoleRows";
import { ScannerReady } from "./ScannerReady";
import "./receipt-verify.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "受付証明の照合 — 職員コンソール" };

const issuedOn = (yyyymmdd: string) => `${yyyymmdd.slice(0, 4)}/${yyyymmdd.slice(4, 6)}/${yyyymmdd.slice(6)}`;

function Verdict({ result }: { result: VerifyResult }) {
  if (result.verdict !== "genuine") {
    return (
      <p role="alert" className="staff-error verify-verdict">
        {result.message}
      </p>
    );
  }
  const c = result.certified;
  const registry =
    result.registry === "same"
      ? "台帳にこの受付票があり、内容も一致します。"
      : result.registry === "absent"
        ? "台帳にこの受付番号の受付票はありません（別の台帳で発行されたか、削除された可能性があります）。"
        : `台帳の受付票と${result.registry.differs.map((f) => FIELD_LABELS[f]).join("、")}が異なります。`;
  return (
    <section aria-labelledby="verify-result" className="verify-genuine">
      <h2 id="verify-result" role="status">
        真正な受付証明です（照合コードが内容と一致しました）
      </h2>
      <p>受付票に印刷された内容が、次のとおりであることを確認してください。</p>
      <ConsoleRows
        className="verify-rows"
        rows={[
          [
            FIELD_LABELS.number,
            // a receipt the registry does not hold has no page to open
            result.registry === "absent" ? (
              c.number
            ) : (
              <Link href={`/staff/receipts/${encodeURIComponent(c.number)}`}>{c.number}</Link>
            ),
          ],
          [FIELD_LABELS.userId, c.userId],
          ["商号又は名称（資格台帳）", c.companyName ?? "資格台帳にこのユーザIDはありません"],
          [FIELD_LABELS.operation, operationLabel(c.operation)],
          [`${FIELD_LABELS.serialHex}(16進)`, c.serialHex],
          [FIELD_LABELS.issuedOn, issuedOn(c.issuedOn)],
          ["台帳", registry],
        ]}
      />
    </section>
  );
}

/** 受付証明の照合: is a paper receipt genuine, and what did it certify (issue 13 item 3). */
export default async function ReceiptVerifyPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireStaffPage("staff", "/staff/receipt-verify");
  const { q } = firstValues(await searchParams);
  const parsed = parseVerifyInput(q);
  const result = parsed.ok && parsed.query ? await verifyReceipt(parsed.query) : null;
  return (
    <div className="receipt-verify-page">
      <h1>受付証明の照合</h1>
      <p>
        受付票のQRコードをスキャナーで読み取るか、受付番号と照合コードを入力してください（例: 20261126-0007
        ABCD-EFGH-JKMN-PQRS）。
      </p>
      <form method="get" className="staff-form" role="search" aria-label="受付証明の照合">
        <ConsoleField
          name="q"
          label="QRコードの内容、または受付番号と照合コード"
          defaultValue={q}
          error={parsed.ok ? undefined : parsed.message}
          hint="照合コードの大文字・小文字、ハイフンの有無は区別しません"
        />
        <div>
          <button type="submit" className="staff-button">
            照合
          </button>
        </div>
      </form>
      <ScannerReady inputId="field-q" />
      {result ? <Verdict result={result} /> : null}
    </div>
  );
}
