/** 業務区分. The database stores the ASCII value; screens show the label. */
export const KINDS = ["construction", "goods"] as const;
export type Kind = (typeof KINDS)[number];

export const KIND_LABELS: Record<Kind, string> = {
  construction: "建設工事、設計・調査・測量、土木施設維持管理",
  goods: "物品等",
};

/** Short form for receipts, emails and step headers. */
export const KIND_SHORT: Record<Kind, string> = { construction: "工事", goods: "物品" };

export function isKind(value: unknown): value is Kind {
  return typeof value === "string" && (KINDS as readonly string[]).includes(value);
}
