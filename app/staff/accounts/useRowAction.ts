"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useHydrated } from "../_components/useHydrated";

export type RowAnswer =
  { ok: true; message: string } | { ok: false; message: string; fieldErrors?: Record<string, string> };

/**
 * A row's forms on /staff/accounts: each submits its FormData to a staff action, shows the answer
 * next to the row, and on success clears the form and reloads the page's lists.
 */
export function useRowAction() {
  const router = useRouter();
  const [answer, setAnswer] = useState<RowAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();

  function run(action: (form: FormData) => Promise<RowAnswer>) {
    return async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const formElement = event.currentTarget;
      setBusy(true);
      const result = await action(new FormData(formElement)).catch((): RowAnswer => ({
        ok: false,
        message: "処理できませんでした。もう一度お試しください。",
      }));
      setBusy(false);
      setAnswer(result);
      if (result.ok) {
        formElement.reset();
        router.refresh();
      }
    };
  }

  return { answer, busy, hydrated, run };
}
