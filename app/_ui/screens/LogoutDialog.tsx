import { Dialog } from "../Dialog";

/** The manual's logout confirmation. */
export function LogoutDialog({ onConfirm, onCancel }: { onConfirm: () => void; onCancel: () => void }) {
  return (
    <Dialog title="ログアウトしますか？" onEscape={onCancel}>
      <p>ログアウトすると、入力中の内容は消去されます。</p>
      <div className="actions">
        <button type="button" className="primary" onClick={onConfirm}>
          OK
        </button>
        <button type="button" onClick={onCancel}>
          キャンセル
        </button>
      </div>
    </Dialog>
  );
}
