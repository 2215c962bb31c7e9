"use client";

import { useState } from "react";
import { Dialog } from "../Dialog";
import { discardPrintFrames } from "../printReceipt";

type PrintState = "idle" | "printing" | "printed" | "failed";

type Props = {
  receiptNumber: string;
  emailTo: string | null;
  print: PrintState;
  printError: string | null;
  onPrint: () => void;
  onLogout: () => void;
};

/** 利用者情報登録結果, with the receipt to print (R41) and the mail that was queued (R40). */
export function DoneScreen({ receiptNumber, emailTo, print, printError, onPrint, onLogout }: Props) {
  const href = `/receipts/${encodeURIComponent(receiptNumber)}`;
  // In Chromium's --kiosk mode a new window has no way back to the kiosk, so the PDF opens in a
  // dialog over the result screen; the href stays for staff on an ordinary browser.
  const [viewing, setViewing] = useState(false);
  return (
    <section aria-labelledby="done-title">
      <h1 id="done-title">利用者情報登録結果</h1>
      <p className="notice" style={{ fontSize: "1.3rem", fontWeight: 700 }}>
        利用者登録が完了しました。
      </p>
      <p className="receipt-number">
        <span>受付番号</span>
        {receiptNumber}
      </p>
      {emailTo ? (
        <p>登録完了のお知らせメールを、ICカード利用部署情報のメールアドレス（{emailTo}）あてに送信します。</p>
      ) : (
        <p>登録完了のお知らせメールを、ICカード利用部署情報のメールアドレスあてに送信します。</p>
      )}
      <p className="strong-note">※必ず画面の印刷を行ってください。</p>
      {print === "printing" ? (
        <p className="busy" role="status">
          印刷中…
        </p>
      ) : null}
      {print === "printed" ? (
        <p className="notice" role="status">
          印刷しました。受付票をお受け取りください。
        </p>
      ) : null}
      {print === "failed" ? (
        <p className="notice error" role="alert">
          {printError ?? "印刷できませんでした。"}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" className="primary" onClick={onPrint} disabled={print === "printing"}>
          {print === "idle" ? "印刷" : "再印刷"}
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
          受付票（PDF）を開く
        </a>
        <button type="button" onClick={onLogout}>
          ログアウト
        </button>
      </div>
      {viewing ? (
        <Dialog title="受付票（PDF）">
          <iframe className="receipt-viewer" src={href} title={`受付票 ${receiptNumber}`} />
          <div className="actions">
            <button type="button" className="primary" onClick={() => setViewing(false)}>
              閉じる
            </button>
          </div>
        </Dialog>
      ) : null}
      <p className="note" style={{ marginTop: 24 }}>
        ※登録完了後に登録内容を確認したい場合は利用者登録メニューで「変更」を選択してください。
      </p>
    </section>
  );
}
