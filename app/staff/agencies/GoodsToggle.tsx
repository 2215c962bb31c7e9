"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { setAgencyGoodsAction } from "../_actions/agencies";
import { useHydrated } from "../_components/useHydrated";

export function GoodsToggle({ code, name, goods }: { code: string; name: string; goods: boolean }) {
  const router = useRouter();
  const [answer, setAnswer] = useState<{ ok: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    const result = await setAgencyGoodsAction(new FormData(event.currentTarget)).catch(() => ({
      ok: false as const,
      message: "処理できませんでした。もう一度お試しください。",
    }));
    setBusy(false);
    setAnswer(result);
    if (result.ok) router.refresh();
  }

  return (
    <form method="post" onSubmit={submit}>
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="goods" value={goods ? "false" : "true"} />
      <button type="submit" className="staff-button secondary" disabled={busy || !hydrated}>
        {goods ? `${name}の物品をなしにする` : `${name}の物品をありにする`}
      </button>
      {answer && (
        <p className={answer.ok ? "staff-hint" : "field-error"} role="status">
          {answer.message}
        </p>
      )}
    </form>
  );
}
