import { PlainMessage } from "./_ui/PlainMessage";

export default function NotFound() {
  return (
    <PlainMessage title="ページが見つかりません">
      <p>お探しのページは見つかりませんでした。最初の画面から操作してください。</p>
      <div className="actions">
        {/* a plain link: next/link's client code would be in every page's first load (issue 13 item 1),
            and a full load of the first screen is what the kiosk wants after a wrong address anyway */}
        <a href="/" className="button primary">
          最初の画面に戻る
        </a>
      </div>
    </PlainMessage>
  );
}
