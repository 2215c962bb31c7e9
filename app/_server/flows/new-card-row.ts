import "server-only";
import type { ContactView } from "@/app/_shared/contracts";
import type { ProvenCard } from "../visit/session";

/**
 * A card registration row for a card proven in this visit (登録, and the new card of 更新): its
 * certificate facts as verified — issuer + serial are R1's unique key — and its 部署 (R3: per card).
 */
export function newCardRow(
  owner: { qualificationId: string; kind: string; agencyId: string },
  card: ProvenCard,
  department: ContactView,
) {
  return {
    qualificationId: owner.qualificationId,
    kind: owner.kind,
    agencyId: owner.agencyId,
    issuer: card.issuer,
    serialNumber: card.serialHex,
    fingerprint: card.fingerprint,
    subject: card.subject,
    notBefore: new Date(card.notBefore),
    notAfter: new Date(card.notAfter),
    holderName: card.holderName,
    holderAddress: card.holderAddress,
    companyOnCard: card.companyOnCard,
    certificatePem: card.certificatePem,
    ...department,
  };
}
