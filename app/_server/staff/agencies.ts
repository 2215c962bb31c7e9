import "server-only";
import { z } from "@/app/_shared/zod";
import type { StaffFailure } from "@/app/_shared/staff-contracts";
import { audit } from "../audit/append";
import { db } from "../db";
import type { StaffIdentity } from "./sessions";

// 調達機関 in the console: everyone sees the list; an admin switches the 物品 flag (R20), audited.

export type ConsoleAgency = { code: string; name: string; goods: boolean; updatedAt: Date };

export async function listConsoleAgencies(): Promise<ConsoleAgency[]> {
  const rows = await db().agency.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }] });
  return rows.map((a) => ({ code: a.code, name: a.name, goods: a.goods, updatedAt: a.updatedAt }));
}

const goodsSchema = z.object({
  code: z.string({ error: "調達機関が見つかりません。" }).regex(/^\d{6}$/, "調達機関が見つかりません。"),
  goods: z.enum(["true", "false"], { error: "物品の扱いを選んでください。" }),
});

export async function setAgencyGoods(
  actor: StaffIdentity,
  input: Record<string, unknown>,
): Promise<{ ok: true; message: string } | StaffFailure> {
  const parsed = goodsSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      code: "invalid",
      message: parsed.error.issues[0]?.message ?? "入力内容を確認してください。",
    };
  }
  const goods = parsed.data.goods === "true";
  const agency = await db().agency.findUnique({ where: { code: parsed.data.code } });
  if (!agency) return { ok: false, code: "invalid", message: "調達機関が見つかりません。" };
  const label = `${agency.name}（${agency.code}）`;
  if (agency.goods === goods) {
    return { ok: true, message: `${label}の物品は既に「${goods ? "あり" : "なし"}」です。` };
  }
  await db().$transaction(async (tx) => {
    await tx.agency.update({ where: { id: agency.id }, data: { goods } });
    await audit(
      {
        action: "agency.goods",
        outcome: "ok",
        staffLogin: actor.login,
        detail: { code: agency.code, from: agency.goods, to: goods },
      },
      tx,
    );
  });
  return {
    ok: true,
    message: goods
      ? `${label}で物品の登録を受け付けるようにしました。`
      : `${label}では物品の登録を受け付けないようにしました。`,
  };
}
