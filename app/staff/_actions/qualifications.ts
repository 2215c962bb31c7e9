"use server";
// 資格データ取込: an admin uploads the qualification system's CSV (issue 5 item 5). Importing the
// data every kiosk search depends on is an administrator's task, so this is admin only.
import { revalidatePath } from "next/cache";
import { MAX_FILE_BYTES, type ImportError } from "@/app/_server/qualification-import/csv";
import { importQualifications } from "@/app/_server/qualification-import/import";
import { staffAction } from "@/app/_server/staff/auth";
import { BAD_INPUT, formFile } from "@/app/_server/staff/form-input";
import type { StaffFailure } from "@/app/_shared/staff-contracts";

export type QualificationImportAnswer =
  | {
      ok: true;
      message: string;
      fileName: string;
      rows: number;
      created: number;
      updated: number;
      unchanged: number;
    }
  | (StaffFailure & { errors?: ImportError[] });

const invalid = (message: string): StaffFailure => ({
  ok: false,
  code: "invalid",
  message,
  fieldErrors: { file: message },
});

export async function importQualificationsAction(form: FormData): Promise<QualificationImportAnswer> {
  return staffAction("admin", async (staff) => {
    const file = formFile(form, "file");
    if (file === null) return BAD_INPUT;
    if (file === undefined || file.size === 0) return invalid("取り込む CSV ファイルを選んでください。");
    if (file.size > MAX_FILE_BYTES) {
      return invalid(
        `ファイルが大きすぎます（上限 ${MAX_FILE_BYTES / 1024 / 1024} MB）。分けて取り込んでください。`,
      );
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await importQualifications({ bytes, fileName: file.name, importedBy: staff.login });
    if (!result.ok) {
      return {
        ok: false as const,
        code: "invalid" as const,
        message: `${result.errors.length} 件の誤りがあるため、何も取り込んでいません。ファイルを直して、もう一度取り込んでください。`,
        errors: result.errors,
      };
    }
    revalidatePath("/staff/qualifications");
    return {
      ok: true as const,
      message: `${result.rows} 行を取り込みました（新規 ${result.created} 件、更新 ${result.updated} 件、変更なし ${result.unchanged} 件）。`,
      fileName: result.fileName,
      rows: result.rows,
      created: result.created,
      updated: result.updated,
      unchanged: result.unchanged,
    };
  });
}
