import Link from "next/link";

export default function RegistrationNotFound() {
  return (
    <div className="staff-error">
      <h1>登録が見つかりません</h1>
      <p>指定された登録は見つかりませんでした。検索からやり直してください。</p>
      <p>
        <Link href="/staff/registrations">登録の検索に戻る</Link>
      </p>
    </div>
  );
}
