import type { StaffRole } from "@/app/_shared/staff-contracts";
import { tokyoDateTimeMinutes } from "@/app/_shared/tokyo-time";

export const ROLE_LABEL: Record<StaffRole, string> = { staff: "職員", admin: "管理者" };

/** 2026/11/26 15:45 in Asia/Tokyo, or "—". */
export function tokyoDateTime(date: Date | null | undefined): string {
  return date ? tokyoDateTimeMinutes(date) : "—";
}
