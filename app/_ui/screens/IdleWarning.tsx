"use client";
import { Dialog } from "../Dialog";
import { useT } from "../i18n/useT";

/**
 * R32: the countdown before the kiosk ends the session and clears what was entered. The number is
 * a timer (not a live region): a screen reader announcing every second would drown the dialog.
 */
export function IdleWarningDialog({ remaining, onContinue }: { remaining: number; onContinue: () => void }) {
  const t = useT();
  return (
    <Dialog title={t("操作がありません")}>
      <p>
        {t("このまま操作がない場合、あと")}
        <strong style={{ fontSize: "1.6rem" }} role="timer">
          {" "}
          {remaining}{" "}
        </strong>
        {t("秒で手続きを終了し、入力された内容を消去します。")}
      </p>
      <p>{t("続ける場合は「操作を続ける」を押してください。")}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={onContinue}>
          {t("操作を続ける")}
        </button>
      </div>
    </Dialog>
  );
}
