"use client";

import { PlainMessage } from "./_ui/PlainMessage";

// Whatever failed, the bidder only needs a way back to the first screen; the cause is logged by
// the server, and the reset re-renders the kiosk with all bidder data gone. Next logs a server
// fault with its digest: shown as the 問い合わせ番号 staff find the log line by (issue 12 item 3).
export default function KioskError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <PlainMessage title="エラーが発生しました">
      <p>申し訳ありません。処理を続けることができませんでした。</p>
      <p>お手数ですが、最初の画面からやり直してください。解決しない場合は係員にお声がけください。</p>
      {error.digest && <p>問い合わせ番号: {error.digest}</p>}
      <div className="actions">
        <button type="button" className="primary" onClick={() => reset()}>
          最初の画面に戻る
        </button>
      </div>
    </PlainMessage>
  );
}
