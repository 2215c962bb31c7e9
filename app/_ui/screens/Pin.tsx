"use client";

import type { ProveCardFailure } from "@/app/_shared/contracts";
import { Keypad } from "../Keypad";

type Props = {
  title: string;
  waitingForCard: boolean;
  verifying: boolean;
  error: ProveCardFailure | null;
  onSubmit: (pin: string) => void;
  onCancel: () => void;
};

/**
 * The tries left as the card reported them (R30), as a short emphasised line: the server's
 * message already says it in a sentence, this makes the number impossible to miss.
 */
function triesLine(error: ProveCardFailure): string | null {
  if (error.code !== "pinIncorrect") return null;
  if (error.retriesLeft !== undefined) return `残り入力回数：${error.retriesLeft}回`;
  if (error.finalTry) return "残り入力回数：1回";
  return null;
}

/** PIN番号入力: first the card, then the PIN on the on-screen keypad. */
export function PinScreen({ title, waitingForCard, verifying, error, onSubmit, onCancel }: Props) {
  const tries = error ? triesLine(error) : null;
  return (
    <section aria-labelledby="pin-title">
      <h1 id="pin-title">{title}</h1>
      {waitingForCard ? (
        <>
          <p className="notice" role="status" style={{ fontSize: "1.4rem" }}>
            ICカードをカードリーダーに差し込んでください
          </p>
          <div className="actions">
            <button type="button" onClick={onCancel}>
              キャンセル
            </button>
          </div>
        </>
      ) : (
        <>
          <p style={{ fontSize: "1.3rem" }}>PIN番号を入力してください。</p>
          {error ? (
            <div className="notice error" role="alert" id="pin-error">
              <p style={{ margin: 0 }}>{error.message}</p>
              {tries ? <p style={{ margin: "6px 0 0", fontWeight: 700 }}>{tries}</p> : null}
            </div>
          ) : null}
          {verifying ? (
            <p className="busy" role="status">
              ICカードを確認しています。ICカードを抜かずにお待ちください…
            </p>
          ) : null}
          <Keypad
            onSubmit={onSubmit}
            onCancel={onCancel}
            disabled={verifying}
            describedBy={error ? "pin-error" : undefined}
          />
        </>
      )}
      <div className="notice" style={{ marginTop: 28 }}>
        <strong>【PIN 番号】</strong>
        <p style={{ margin: "6px 0 0" }}>
          PIN
          番号（ピン番号）は電子証明書と合わせて、認証局が発行するものです。不明な点は認証局にお問い合わせください。
        </p>
      </div>
    </section>
  );
}
