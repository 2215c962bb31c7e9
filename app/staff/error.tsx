"use client";

import Link from "next/link";

// The console's own boundary, so a failed page keeps the console's header and menu instead of
// falling through to the kiosk's (which sends the screen back to the bidder's first screen). The
// cause stays in the server's log: a client component's error still carries its message here, and
// a bidder may be standing beside the screen.
// 再試行 is retry, not reset: the console's pages are rendered on the server, and clearing the
// boundary without fetching the page again would only show the same failed render.
export default function StaffError({ retry }: { error: unknown; reset: () => void; retry: () => void }) {
  return (
    <div className="staff-error" role="alert">
      <h1>エラーが発生しました</h1>
      <p>画面を表示できませんでした。再試行しても解決しない場合は、管理者に連絡してください。</p>
      <p>
        <button type="button" className="staff-button" onClick={() => retry()}>
          再試行
        </button>{" "}
        <Link href="/staff">本日の受付へ戻る</Link>
      </p>
    </div>
  );
}
