"use client";

import { useCallback, useEffect, useState } from "react";

type SimCard = { label: string; holderName: string; companyOnCard: string; locked: boolean };
type SimState = { cards: SimCard[]; insertedLabel: string | null };

const REFRESH_MS = 2000;

/** null: the card driver is not the simulated one (404), so there is nothing to show. */
async function call(init?: RequestInit): Promise<SimState | null> {
  const response = await fetch("/api/sim-reader", { cache: "no-store", ...init });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`sim-reader ${response.status}`);
  return (await response.json()) as SimState;
}

/**
 * The demo's stand-in for a physical reader: a side panel beside (never over) the kiosk screen.
 * It only changes which virtual card is "in the slot"; the kiosk notices through GET /api/card
 * exactly as it would notice a real card.
 */
export function VirtualReader() {
  const [state, setState] = useState<SimState | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const refresh = useCallback(async () => {
    try {
      setState(await call());
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, []);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  const act = async (body: { action: "insert"; label: string } | { action: "remove" }) => {
    setBusy(true);
    try {
      setState(
        await call({
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
      );
      setFailed(false);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    // lang="ja": the demo's reader panel stands beside the kiosk and stays Japanese in English mode
    <aside className="virtual-reader" lang="ja" aria-labelledby="virtual-reader-title">
      <h2 id="virtual-reader-title">仮想カードリーダー</h2>
      <p>デモ用です。カードを選んで「挿入」を押すと、カードリーダーに差し込んだことになります。</p>
      {failed ? <p className="field-error">仮想カードリーダーとの通信に失敗しました。</p> : null}
      {state === null ? null : (
        <ul>
          {state.cards.map((card) => {
            const inserted = state.insertedLabel === card.label;
            return (
              <li key={card.label} className={inserted ? "inserted" : undefined}>
                <strong>{card.label}</strong>
                {inserted ? <span>（挿入中）</span> : null}
                <div>
                  {card.holderName}／{card.companyOnCard}
                </div>
                {card.locked ? <div className="field-error">PINロック中</div> : null}
                <div className="actions" style={{ marginTop: 8, gap: 8 }}>
                  <button
                    type="button"
                    aria-label={`${card.label} を挿入`}
                    disabled={busy || inserted}
                    onClick={() => void act({ action: "insert", label: card.label })}
                  >
                    挿入
                  </button>
                  <button
                    type="button"
                    aria-label={`${card.label} を取り出す`}
                    disabled={busy || !inserted}
                    onClick={() => void act({ action: "remove" })}
                  >
                    取り出す
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </aside>
  );
}
