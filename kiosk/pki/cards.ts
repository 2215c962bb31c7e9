// The demo certificate authorities and IC cards of DEMO-DATA.md, in one place so the PKI
// generator, the seed, the tests and the docs cannot drift apart. Validity is relative to the
// day the PKI is generated, as the contract says.

export type DemoCaId = "lgpki-demo" | "commercial-demo" | "rogue";

export type DemoCa = {
  id: DemoCaId;
  /** RDNs in certificate (DER) order, most general first */
  name: { C: string; O: string; OU: string };
  /** shown as 証明書発行者 */
  display: string;
  trusted: boolean;
};

export const DEMO_CAS: readonly DemoCa[] = [
  {
    id: "lgpki-demo",
    name: { C: "JP", O: "LGPKI-DEMO", OU: "Demo Organization CA U8" },
    display: "OU=Demo Organization CA U8,O=LGPKI-DEMO,C=JP",
    trusted: true,
  },
  {
    id: "commercial-demo",
    name: { C: "JP", O: "DEMO-CA", OU: "Demo Commercial CA G2" },
    display: "OU=Demo Commercial CA G2,O=DEMO-CA,C=JP",
    trusted: true,
  },
  {
    id: "rogue",
    name: { C: "JP", O: "NOT-TRUSTED", OU: "Rogue CA" },
    display: "OU=Rogue CA,O=NOT-TRUSTED,C=JP",
    trusted: false,
  },
];

/** "today" = start of the day in Asia/Tokyo; otherwise a signed offset in days or years. */
export type ValidityPoint = "today" | `${"+" | "-"}${number}${"d" | "y"}`;

export type DemoCard = {
  label: string;
  /** ICカード取得者氏名 (CN) */
  holder: string;
  /** ICカード企業名称 (O) */
  company: string;
  /** demo only: printed in the README and used by tests; never written to the PKI files */
  pin: string;
  issuer: DemoCaId;
  validFrom: ValidityPoint;
  validTo: ValidityPoint;
  /** ST and L of the subject, romanized as the real cards carry them */
  state: string;
  locality: string;
  initiallyLocked: boolean;
  purpose: string;
};

const SAITAMA = { state: "Saitama", locality: "Saitama-shi, Urawa-ku, Takasago" };
const SAITAMA_KENSETSU = "株式会社さいたま建設";

export const DEMO_CARDS: readonly DemoCard[] = [
  card(
    "DEMO-A",
    "埼玉 太郎",
    SAITAMA_KENSETSU,
    "1234",
    "lgpki-demo",
    "-30d",
    "+2y",
    "first registration for 1000000001",
  ),
  card(
    "DEMO-B",
    "埼玉 花子",
    SAITAMA_KENSETSU,
    "5678",
    "lgpki-demo",
    "-30d",
    "+2y",
    "spare card for the same user ID",
  ),
  card(
    "DEMO-C",
    "埼玉 太郎",
    SAITAMA_KENSETSU,
    "1111",
    "lgpki-demo",
    "today",
    "+3y",
    "new card for ICカード更新",
  ),
  card("DEMO-D", "埼玉 太郎", SAITAMA_KENSETSU, "2222", "lgpki-demo", "-2y", "-1d", "expired"),
  card(
    "DEMO-E",
    "埼玉 太郎",
    SAITAMA_KENSETSU,
    "3333",
    "commercial-demo",
    "-30d",
    "+2y",
    "other CA (更新 refused, 登録 allowed)",
  ),
  {
    ...card("DEMO-F", "川越 次郎", "川越土木株式会社", "4444", "lgpki-demo", "-30d", "+2y", "for 1000000002"),
    locality: "Kawagoe-shi, Motomachi",
  },
  {
    ...card("DEMO-G", "熊谷 三郎", "熊谷工業株式会社", "6666", "lgpki-demo", "-30d", "+2y", "for 1000000004"),
    locality: "Kumagaya-shi, Miyamachi",
  },
  card(
    "DEMO-H",
    "埼玉 太郎",
    SAITAMA_KENSETSU,
    "7777",
    "lgpki-demo",
    "-1y",
    "+20d",
    "expiring soon (R18 warning)",
  ),
  {
    ...card(
      "DEMO-L",
      "埼玉 太郎",
      SAITAMA_KENSETSU,
      "8888",
      "lgpki-demo",
      "-30d",
      "+2y",
      "PIN locked (simulated reader only)",
    ),
    initiallyLocked: true,
  },
  card("DEMO-X", "偽 太郎", SAITAMA_KENSETSU, "0000", "rogue", "-30d", "+2y", "untrusted: refused"),
];

function card(
  label: string,
  holder: string,
  company: string,
  pin: string,
  issuer: DemoCaId,
  validFrom: ValidityPoint,
  validTo: ValidityPoint,
  purpose: string,
): DemoCard {
  return {
    label,
    holder,
    company,
    pin,
    issuer,
    validFrom,
    validTo,
    ...SAITAMA,
    initiallyLocked: false,
    purpose,
  };
}

export function demoCard(label: string): DemoCard {
  const found = DEMO_CARDS.find((c) => c.label === label);
  if (!found) throw new Error(`No demo card labelled "${label}"`);
  return found;
}

export function demoCa(id: DemoCaId): DemoCa {
  const found = DEMO_CAS.find((c) => c.id === id);
  if (!found) throw new Error(`No demo CA "${id}"`);
  return found;
}

const DAY_MS = 86_400_000;
const JST_OFFSET_MS = 9 * 3_600_000;

/** Midnight in Asia/Tokyo (no DST there) of the day `now` falls on. */
export function startOfTokyoDay(now: Date): Date {
  const shifted = now.getTime() + JST_OFFSET_MS;
  return new Date(shifted - (shifted % DAY_MS) - JST_OFFSET_MS);
}

export function resolveValidityPoint(point: ValidityPoint, now: Date): Date {
  if (point === "today") return startOfTokyoDay(now);
  const match = /^([+-])(\d+)([dy])$/.exec(point);
  if (!match) throw new Error(`Bad validity point "${point}"`);
  const amount = Number(match[2]) * (match[1] === "-" ? -1 : 1);
  if (match[3] === "d") return new Date(now.getTime() + amount * DAY_MS);
  const date = new Date(now.getTime());
  date.setUTCFullYear(date.getUTCFullYear() + amount);
  return date;
}

export function cardValidity(card: DemoCard, now: Date): { notBefore: Date; notAfter: Date } {
  return {
    notBefore: resolveValidityPoint(card.validFrom, now),
    notAfter: resolveValidityPoint(card.validTo, now),
  };
}
