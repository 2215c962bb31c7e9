import Link from "next/link";

export default function ReceiptNotFound() {
  return (
    <div className="staff-error">
      <h1>受付票が見つかりません</h1>
      <p>指定された受付番号の受付票は見つかりませんでした。受付番号を確認してください。</p>
      <p>
        <Link href="/staff">本日の受付に戻る</Link>
        {" / "}
        <Link href="/staff/registrations">登録の検索</Link>
      </p>
    </div>
  );
}
