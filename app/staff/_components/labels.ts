import type { StaffRole } from "@/app/_shared/staff-contracts";

export const ROLE_LABEL: Record<StaffRole, string> = { staff: "職員", admin: "管理者" };

const tokyo = new Intl.DateTimeFormat("ja-JP", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** 2026/11/26 15:45 in Asia/Tokyo, or "—". */
export function tokyoDateTime(date: Date | null | undefined): string {
  return date ? tokyo.format(date) : "—";
}
