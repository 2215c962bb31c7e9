"use client";

import { fill } from "../i18n/flowText";
import { useT } from "../i18n/useT";
import { ReceiptActions, type ResultScreenProps } from "./ReceiptActions";

/** 利用者情報登録結果, with the receipt to print (R41) and the mail that was queued (R40). */
export function DoneScreen({
  receiptNumber,
  emailTo,
  print,
  printError,
  cardRemoved,
  onPrint,
  onLogout,
}: ResultScreenProps) {
  const t = useT();
  return (
    <section aria-labelledby="done-title">
      <h1 id="done-title">{t("利用者情報登録結果")}</h1>
      <p className="notice" style={{ fontSize: "1.3rem", fontWeight: 700 }}>
        {t("利用者登録が完了しました。")}
      </p>
      {emailTo ? (
        <p>
          {fill(
            t(
              "登録完了のお知らせメールを、ICカード利用部署情報のメールアドレス（{email}）あてに送信します。",
            ),
            { email: emailTo },
          )}
        </p>
      ) : (
        <p>{t("登録完了のお知らせメールを、ICカード利用部署情報のメールアドレスあてに送信します。")}</p>
      )}
      <ReceiptActions
        receiptNumber={receiptNumber}
        print={print}
        printError={printError}
        cardRemoved={cardRemoved}
        onPrint={onPrint}
        onLogout={onLogout}
      />
      <p className="note" style={{ marginTop: 24 }}>
        {t(
          "※利用者登録完了後、すぐに「電子入札システム」をご利用される場合は、一度全ての画面を閉じてから、「電子入札システム」に入り直してください。",
        )}
      </p>
      <p className="note">
        {t("※登録完了後に登録内容を確認したい場合は利用者登録メニューで「変更」を選択してください。")}
      </p>
    </section>
  );
}
