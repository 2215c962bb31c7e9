"use client";

import { useState } from "react";
import { Dialog } from "../Dialog";
import { fill } from "../i18n/flowText";
import { useLang, useT } from "../i18n/useT";
import { discardPrintFrames } from "../printReceipt";

export type PrintState = "idle" | "printing" | "printed" | "failed";

type Props = {
  receiptNumber: string;
  print: PrintState;
  printError: string | null;
  /** the card was taken after the commit: the result stays (R31), and the screen says so */
  cardRemoved?: boolean;
  onPrint: () => void;
  onLogout: () => void;
};

/** What every result screen (登録, 変更, ICカード更新) is given: the receipt and where the mail goes. */
export type ResultScreenProps = Props & { emailTo: string | null };

/**
 * 受付番号 with 印刷 / 受付票を開く / ログアウト, shared by every result screen (R41). In Chromium's
 * --kiosk mode a new window has no way back to the kiosk, so the PDF opens in a dialog over the
 * result screen; the href stays for staff on an ordinary browser.
 */
export function ReceiptActions({ receiptNumber, print, printError, cardRemoved, onPrint, onLogout }: Props) {
  const t = useT();
  // the receipt in the visit's language (issue 11 item 7): the viewer and the link alike
  const lang = useLang();
  const href = `/receipts/${encodeURIComponent(receiptNumber)}${lang === "en" ? "?lang=en" : ""}`;
  const [viewing, setViewing] = useState(false);
  const [noting, setNoting] = useState(false);
  return (
    <>
      {cardRemoved ? (
        <p className="notice" role="status">
          {t(
            "ICカードが取り出されました。お手続きは完了しています。受付票を印刷するか受付番号を控えてから、ログアウトしてください。",
          )}
        </p>
      ) : null}
      <p className="receipt-number">
        <span>{t("受付番号")}</span>
        {receiptNumber}
      </p>
      <p className="strong-note">{t("※必ず画面の印刷を行ってください。")}</p>
      {print === "printing" ? (
        <p className="busy" role="status">
          {t("印刷中…")}
        </p>
      ) : null}
      {print === "printed" ? (
        <p className="notice" role="status">
          {t("印刷しました。受付票をお受け取りください。")}
        </p>
      ) : null}
      {print === "failed" ? (
        <p className="notice error" role="alert">
          {printError ? t(printError) : t("印刷できませんでした。")}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" className="primary" onClick={onPrint} disabled={print === "printing"}>
          {print === "idle" ? t("印刷") : t("再印刷")}
        </button>
        <a
          className="button"
          href={href}
          onClick={(event) => {
            event.preventDefault();
            discardPrintFrames();
            setViewing(true);
          }}
        >
          {t("受付票（PDF）を開く")}
        </a>
        <button type="button" onClick={() => setNoting(true)}>
          {t("受付番号を控える")}
        </button>
        <button type="button" onClick={onLogout}>
          {t("ログアウト")}
        </button>
      </div>
      {noting ? (
        <Dialog title={t("受付番号を控える")}>
          <p>{t("印刷できない場合は、この受付番号を控えてください。係員が受付票を再印刷できます。")}</p>
          <p className="receipt-number receipt-number-large" data-testid="receipt-number-large">
            <span>{t("受付番号")}</span>
            {receiptNumber}
          </p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => setNoting(false)}>
              {t("閉じる")}
            </button>
          </div>
        </Dialog>
      ) : null}
      {viewing ? (
        <Dialog title={t("受付票（PDF）")}>
          <iframe
            className="receipt-viewer"
            src={href}
            title={fill(t("受付票 {number}"), { number: receiptNumber })}
          />
          <div className="actions">
            <button type="button" className="primary" onClick={() => setViewing(false)}>
              {t("閉じる")}
            </button>
          </div>
        </Dialog>
      ) : null}
    </>
  );
}
