"use client";
import type { CardFacts } from "@/app/_shared/contracts";
import { ReadOnlyList } from "../ContactBlock";
import { msgid } from "../i18n/translate";
import { useLang, useT } from "../i18n/useT";
import { formatCertDate } from "../summary";

/**
 * The pre-flight's facts about the inserted card (issue 3), read before the PIN so the bidder sees
 * at once whose card it is: holder, company on card, issuer, expiry.
 */
export function CardFactsList({ facts }: { facts: CardFacts }) {
  const t = useT();
  const lang = useLang();
  return (
    <div aria-label={t("差し込まれたICカード")} data-testid="card-facts">
      <ReadOnlyList
        rows={[
          [msgid("ICカード取得者氏名"), facts.holderName],
          [msgid("ICカード企業名称"), facts.companyOnCard],
          [msgid("証明書発行者"), facts.issuer],
          [msgid("証明書有効期限"), formatCertDate(facts.notAfter, lang)],
        ]}
      />
    </div>
  );
}
