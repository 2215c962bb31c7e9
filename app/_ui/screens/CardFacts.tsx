import type { CardFacts } from "@/app/_shared/contracts";
import { ReadOnlyList } from "../ContactBlock";
import { formatCertDate } from "../summary";

/**
 * The pre-flight's facts about the inserted card (issue 3), read before the PIN so the bidder sees
 * at once whose card it is: holder, company on card, issuer, expiry.
 */
export function CardFactsList({ facts }: { facts: CardFacts }) {
  return (
    <div aria-label="差し込まれたICカード" data-testid="card-facts">
      <ReadOnlyList
        rows={[
          ["ICカード取得者氏名", facts.holderName],
          ["ICカード企業名称", facts.companyOnCard],
          ["証明書発行者", facts.issuer],
          ["証明書有効期限", formatCertDate(facts.notAfter)],
        ]}
      />
    </div>
  );
}
