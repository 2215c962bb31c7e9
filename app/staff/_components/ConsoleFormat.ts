// Labels and Tokyo-time formatting shared by the console pages: the helpdesk reads Japan time
// whatever zone the server runs in.
import { KIND_SHORT, isKind } from "@/app/_shared/kinds";
import { tokyoDate, tokyoDateTimeSeconds, tokyoTime } from "@/app/_shared/tokyo-time";

/** 2026/11/26 15:45:00 (Asia/Tokyo); "" for a missing date. */
export function formatDateTime(date: Date | string | null | undefined): string {
  return date ? tokyoDateTimeSeconds(new Date(date)) : "";
}

/** 2026/11/26 (Asia/Tokyo). */
export function formatDate(date: Date | string | null | undefined): string {
  return date ? tokyoDate(new Date(date)) : "";
}

/** 15:45:00 (Asia/Tokyo). */
export function formatTime(date: Date | string): string {
  return tokyoTime(new Date(date));
}

export const OPERATION_LABELS: Record<string, string> = {
  register: "登録",
  change: "変更",
  renewal: "ICカード更新",
};

export const OPERATIONS = ["register", "change", "renewal"] as const;

export function operationLabel(operation: string): string {
  return OPERATION_LABELS[operation] ?? operation;
}

export function kindLabel(kind: string): string {
  return isKind(kind) ? KIND_SHORT[kind] : kind;
}

export const EMAIL_STATUS_LABELS: Record<string, string> = {
  pending: "送信待ち",
  sent: "送信済み",
  failed: "送信失敗",
};

export const CARD_STATUS_LABELS: Record<string, string> = {
  active: "有効",
  replaced: "更新済み(旧カード)",
};

export const OUTCOME_LABELS: Record<string, string> = {
  ok: "成功",
  refused: "拒否",
  error: "エラー",
};

export type AgencyStatus = "applied" | "ended" | "pending" | "excluded" | "source";

export const AGENCY_STATUS_LABELS: Record<AgencyStatus, string> = {
  source: "受付機関（即時反映）",
  applied: "反映済み",
  ended: "終了",
  pending: "反映待ち",
  excluded: "対象外",
};
