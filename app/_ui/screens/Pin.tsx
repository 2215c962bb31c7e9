"use client";

import type { CardFacts, PinStepFailure } from "@/app/_shared/contracts";
import { msgid } from "../i18n/translate";
import { useT } from "../i18n/useT";
import { Keypad } from "../Keypad";
import { CardFactsList } from "./CardFacts";

type Props = {
  title: string;
  /** what to insert, e.g. the card in use for ICカード更新 (default: any card) */
  prompt?: string;
  waitingForCard: boolean;
  /** the pre-flight check is reading the card: no keypad yet */
  inspecting?: boolean;
  verifying: boolean;
  error: PinStepFailure | null;
  /** the card as read before the PIN, with its notices (expiry under 30 days, PIN tries low) */
  facts?: CardFacts | null;
  notices?: string[];
  onSubmit: (pin: string) => void;
  onCancel: () => void;
};

/**
 * The tries left as the card reported them (R30), as a short emphasised line: the server's
 * message already says it in a sentence, this makes the number impossible to miss.
 */
function triesLeft(error: PinStepFailure): number | null {
  if (error.code !== "pinIncorrect") return null;
  if (error.retriesLeft !== undefined) return error.retriesLeft;
  if (error.finalTry) return 1;
  return null;
}

const TRIES_LINE = msgid("残り入力回数：{n}回");

/** The card's next wrong PIN locks it: said in its own box before the keypad, not only in the sentence. */
function isFinalTry(error: PinStepFailure | null): boolean {
  return error?.code === "pinIncorrect" && (error.finalTry === true || error.retriesLeft === 1);
}

/** PIN番号入力: first the card, its pre-flight facts, then the PIN on the on-screen keypad. */
export function PinScreen(props: Props) {
  const { title, waitingForCard, inspecting = false, verifying, error, onSubmit, onCancel } = props;
  const { prompt = msgid("ICカードをカードリーダーに差し込んでください") } = props;
  const { facts = null, notices = [] } = props;
  const t = useT();
  const left = error ? triesLeft(error) : null;
  const tries = left === null ? null : t(TRIES_LINE).replace("{n}", String(left));
  return (
    <section aria-labelledby="pin-title">
      <h1 id="pin-title">{t(title)}</h1>
      {waitingForCard ? (
        <>
          <p className="notice" role="status" style={{ fontSize: "1.4rem" }}>
            {t(prompt)}
          </p>
          <div className="actions">
            <button type="button" onClick={onCancel}>
              {t("キャンセル")}
            </button>
          </div>
        </>
      ) : inspecting ? (
        <p className="busy" role="status">
          {t("ICカードの内容を確認しています。ICカードを抜かずにお待ちください…")}
        </p>
      ) : (
        // issue 11 item 4: the messages stand beside the keypad, not above it, so however many are
        // shown OK and every key stay on the screen at 1280×1024 and 1920×1080
        <div className="pin-layout">
          <div className="pin-info">
            {facts ? <CardFactsList facts={facts} /> : null}
            {notices.length > 0 ? (
              <div className="notice warn" role="status" data-testid="card-notices">
                {notices.map((notice) => (
                  <p key={notice} style={{ margin: "4px 0" }}>
                    {t(notice)}
                  </p>
                ))}
              </div>
            ) : null}
            {isFinalTry(error) ? (
              <p className="notice warn" role="alert" style={{ fontWeight: 700 }} data-testid="final-try">
                {t(
                  "ご注意ください：次にPIN番号を間違えるとICカードがロックされ、このICカードは使用できなくなります。",
                )}
              </p>
            ) : null}
            {error ? (
              <div className="notice error" role="alert" id="pin-error">
                <p style={{ margin: 0 }}>{t(error.message)}</p>
                {tries ? <p style={{ margin: "6px 0 0", fontWeight: 700 }}>{tries}</p> : null}
              </div>
            ) : null}
            {verifying ? (
              <p className="busy" role="status">
                {t("ICカードを確認しています。ICカードを抜かずにお待ちください…")}
              </p>
            ) : null}
          </div>
          <div className="pin-pad">
            <p className="pin-prompt">{t("PIN番号を入力してください。")}</p>
            <Keypad
              onSubmit={onSubmit}
              onCancel={onCancel}
              disabled={verifying}
              describedBy={error ? "pin-error" : undefined}
            />
          </div>
        </div>
      )}
      <div className="notice" style={{ marginTop: 28 }}>
        <strong>{t("【PIN 番号】")}</strong>
        <p style={{ margin: "6px 0 0" }}>
          {t(
            "PIN 番号（ピン番号）は電子証明書と合わせて、認証局が発行するものです。不明な点は認証局にお問い合わせください。",
          )}
        </p>
      </div>
    </section>
  );
}
