"use server";
// 調達機関: only an admin switches the 物品 flag (R20); the list itself is a page.
import { setAgencyGoods } from "@/app/_server/staff/agencies";
import { staffAction } from "@/app/_server/staff/auth";
import { BAD_INPUT, formFields } from "@/app/_server/staff/form-input";
import type { StaffFailure } from "@/app/_shared/staff-contracts";

export async function setAgencyGoodsAction(
  form: FormData,
): Promise<{ ok: true; message: string } | StaffFailure> {
  return staffAction("admin", async (staff) => {
    const fields = formFields(form, ["code", "goods"]);
    return fields ? setAgencyGoods(staff, fields) : BAD_INPUT;
  });
}
