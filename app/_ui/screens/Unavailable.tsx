/** 変更 and ICカード更新 are not offered at this kiosk yet: say what to do instead, never a dead button. */
export function UnavailableScreen({ onBack }: { onBack: () => void }) {
  return (
    <section aria-labelledby="unavailable-title">
      <h1 id="unavailable-title">この機能は準備中です</h1>
      <p>この端末では、現在「登録」のみご利用いただけます。</p>
      <div className="notice">
        <ul>
          <li>
            登録内容の変更（変更）やICカード更新は、御社のパソコンから「電子入札システム」の利用者登録メニューで操作してください。
          </li>
          <li>どちらの操作がよいかわからないときは、窓口の担当者にお声がけください。</li>
        </ul>
      </div>
      <div className="actions">
        <button type="button" className="primary" onClick={onBack}>
          戻る
        </button>
      </div>
    </section>
  );
}
