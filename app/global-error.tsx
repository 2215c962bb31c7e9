"use client";

import "./globals.css";

// Replaces the root layout when it fails itself, so it brings its own <html>. A full reload (not
// reset) because the layout's own state may be what broke. The digest is the 問い合わせ番号 of the
// server's log line (issue 12 item 3).
export default function GlobalError({ error }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="ja">
      <body>
        <main className="kiosk-content">
          <h1>エラーが発生しました</h1>
          <p>申し訳ありません。処理を続けることができませんでした。</p>
          <p>お手数ですが、最初の画面からやり直してください。解決しない場合は係員にお声がけください。</p>
          {error.digest && <p>問い合わせ番号: {error.digest}</p>}
          <div className="actions">
            <button type="button" className="primary" onClick={() => window.location.assign("/")}>
              最初の画面に戻る
            </button>
          </div>
        </main>
      </body>
    </html>
  );
}
