import Link from "next/link";

// forbidden() from requireStaffPage(role) lands here with HTTP 403: signed in, role too low.
export default function StaffForbidden() {
  return (
    <div className="staff-error">
      <h1>この画面は表示できません</h1>
      <p>この画面は管理者のみが利用できます。必要な場合は管理者に依頼してください。</p>
      <p>
        <Link href="/staff">本日の受付へ戻る</Link>
      </p>
    </div>
  );
}
