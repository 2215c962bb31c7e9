import type { StaffRole } from "@/app/_shared/staff-contracts";

export const ROLE_LABEL: Record<StaffRole, string> = { staff: "職員", admin: "管理者" };
