import Link from "next/link";
import { PlainMessage } from "./_ui/PlainMessage";

export default function NotFound() {
  return (
    <PlainMessage title="ページが見つかりません">
      <p>お探しのページは見つかりませんでした。最初の画面から操作してください。</p>
      <div className="actions">
        <Link href="/" className="button primary">
          最初の画面に戻る
        </Link>
      </div>
    </PlainMessage>
  );
}
