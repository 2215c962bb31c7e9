"use client";

import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { isPin } from "@/app/_shared/form-rules";
import { useT } from "./i18n/useT";

const MAX_PIN = 16;
const DIGITS = ["1", "2", "3", "4", "5", "6", "7", "8", "9"] as const;

type Props = {
  /** Receives the PIN once; the keypad forgets it in the same tick (R30). */
  onSubmit: (pin: string) => void;
  onCancel: () => void;
  disabled?: boolean;
  /** id of the element that explains the current error, for aria-describedby */
  describedBy?: string;
};

/**
 * On-screen PIN keypad. The PIN lives only in this component's state: never in the URL, storage,
 * the machine's context or a form field the browser could autofill or remember. A physical
 * keyboard works too (digits, Backspace, Enter, Escape) for staff and for tests.
 */
export function Keypad({ onSubmit, onCancel, disabled = false, describedBy }: Props) {
  // The only copy: unmounting the keypad (leaving the PIN screen) discards it with the component.
  const [pin, setPin] = useState("");
  const display = useRef<HTMLDivElement>(null);
  const t = useT();

  // Focus lands on the PIN so a staff keyboard (or a USB PIN pad acting as one) works at once.
  useEffect(() => display.current?.focus(), []);

  const add = (digit: string) => setPin((p) => (p.length >= MAX_PIN ? p : p + digit));
  const backspace = () => setPin((p) => p.slice(0, -1));
  const clear = () => setPin("");
  // A PIN the card layer would refuse for its length is not sent at all (it costs no card try,
  // but it costs the bidder a round trip).
  const complete = isPin(pin);
  const submit = () => {
    if (disabled || !complete) return;
    const value = pin;
    setPin("");
    onSubmit(value);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (disabled) return;
    if (/^[0-9]$/.test(event.key)) add(event.key);
    else if (event.key === "Backspace") backspace();
    else if (event.key === "Enter") submit();
    else if (event.key === "Escape") onCancel();
    else return;
    event.preventDefault();
  };

  return (
    <div className="pin-entry" onKeyDown={onKeyDown}>
      <div
        ref={display}
        className="pin-display"
        role="textbox"
        aria-readonly="true"
        aria-label={t("PIN番号")}
        aria-describedby={describedBy}
        tabIndex={0}
      >
        <span aria-hidden="true">{"●".repeat(pin.length)}</span>
        <span className="sr-only">{t("{n}桁入力済み").replace("{n}", String(pin.length))}</span>
      </div>
      <div className="keypad" role="group" aria-label={t("PIN番号入力キー")}>
        {DIGITS.map((d) => (
          <button key={d} type="button" onClick={() => add(d)} disabled={disabled}>
            {d}
          </button>
        ))}
        <button type="button" className="word" onClick={backspace} disabled={disabled || pin.length === 0}>
          {t("訂正")}
        </button>
        <button type="button" onClick={() => add("0")} disabled={disabled}>
          0
        </button>
        <button type="button" className="word" onClick={clear} disabled={disabled || pin.length === 0}>
          {t("クリア")}
        </button>
      </div>
      <div className="actions">
        <button type="button" className="primary" onClick={submit} disabled={disabled || !complete}>
          OK
        </button>
        <button type="button" onClick={onCancel} disabled={disabled}>
          {t("キャンセル")}
        </button>
      </div>
    </div>
  );
}
