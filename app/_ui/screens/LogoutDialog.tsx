"use client";
import { Dialog } from "../Dialog";
import { useT } from "../i18n/useT";

/** The manual's logout confirmation. */
export function LogoutDialog({ onConfirm, onCancel }: { onConfirm: () => void; onCancel: () => void }) {
  const t = useT();
  return (
    <Dialog title={t("ログアウトしますか？")} onEscape={onCancel}>
      <p>{t("ログアウトすると、入力中の内容は消去されます。")}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={onConfirm}>
          OK
        </button>
        <button type="button" onClick={onCancel}>
          {t("キャンセル")}
        </button>
      </div>
    </Dialog>
  );
}
