"use server";
// The console's 夜間反映 area: 「今すぐ実行」 runs the nightly propagation (R21, R22) now. The run
// itself is audited (batch.run, with the staff login) in its final transaction.
import { runNightlyBatch } from "@/app/_server/batch/propagation";
import { staffAction } from "@/app/_server/staff/auth";
import { actionState, BAD_INPUT } from "@/app/_server/staff/form-input";
import type { StaffFailure } from "@/app/_shared/staff-contracts";

export type RunBatchState =
  | {
      ok: true;
      message: string;
      applied: number;
      perAgency: { name: string; applied: number }[];
      reminders: number;
    }
  | StaffFailure
  | null;

export async function runBatchNowAction(previous: RunBatchState, formData: FormData): Promise<RunBatchState> {
  return staffAction("staff", async (staff): Promise<RunBatchState> => {
    // the button's form has no fields, but only it may start a run
    if (!actionState(previous) || !(formData instanceof FormData)) return BAD_INPUT;
    const result = await runNightlyBatch({ trigger: "manual", staffLogin: staff.login });
    if (result.ok) {
      const perAgency = result.perAgency.map((a) => ({ name: a.name, applied: a.applied }));
      const detail = perAgency.map((a) => `${a.name} ${a.applied}件`).join("、");
      const applied =
        result.applied === 0
          ? "反映待ちの処理はありませんでした。"
          : `${result.applied}件を反映しました（${detail}）。`;
      const reminders =
        result.reminders === 0 ? "" : `ICカード更新の案内メールを${result.reminders}件送信待ちにしました。`;
      return {
        ok: true,
        applied: result.applied,
        perAgency,
        reminders: result.reminders,
        message: applied + reminders,
      };
    }
    if (result.code === "alreadyRunning") {
      return {
        ok: false,
        code: "conflict",
        message: "夜間反映は既に実行中です。終わってから画面を更新してください。",
      };
    }
    return {
      ok: false,
      code: "error",
      message: "夜間反映に失敗しました。実行履歴のエラーを確認してください。",
    };
  });
}
